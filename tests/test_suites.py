"""The suites: valid cases, the notebook's classic ones, the whole domain, seeds that work."""
from collections import Counter

import numpy as np
import pytest

from grader import oracle, suites


def test_hidden_suite_is_identical_for_a_seed():
    first, second = suites.hidden_cases("spring"), suites.hidden_cases("spring")
    assert [c.describe() for c in first] == [c.describe() for c in second]
    for a, b in zip(first, second):
        assert a.arrays.keys() == b.arrays.keys()
        for name in a.arrays:
            assert np.array_equal(a.arrays[name], b.arrays[name]), (a.name, name)


def test_hidden_suite_differs_across_seeds():
    first, second = suites.hidden_cases("spring"), suites.hidden_cases("autumn")
    assert [c.describe() for c in first] != [c.describe() for c in second]
    assert not np.array_equal(first[0].arrays["x"], second[0].arrays["x"])


@pytest.mark.parametrize("seed", ["0", "1", "spring", "a long secret seed"])
def test_every_case_is_valid(seed):
    cases = suites.public_cases() + suites.hidden_cases(seed)
    counts = Counter((c.suite, c.layer) for c in cases)
    assert counts == {("public", "conv"): 5, ("public", "pool"): 5,
                      ("hidden", "conv"): 20, ("hidden", "pool"): 20}
    for case in cases:
        a, p = case.arrays, case.param
        assert all(v.dtype == np.float64 for v in a.values()), case.name
        if case.layer == "conv":
            n, c, h, w = a["x"].shape
            f, c2, hh, ww = a["w"].shape
            assert c == c2 and a["b"].shape == (f,)
            assert hh <= h + 2 * p["pad"] and ww <= w + 2 * p["pad"], case.name
            shape = oracle.conv_output_shape(a["x"].shape, a["w"].shape, p)
        else:
            assert p["pool_height"] <= a["x"].shape[2] and p["pool_width"] <= a["x"].shape[3]
            shape = oracle.pool_output_shape(a["x"].shape, p)
            if case.ties:
                _, tied = oracle.tie_groups(a["x"], p)  # raises if a tie is shared
                assert tied, f"{case.name} has no tied window"
            else:  # numeric gradients are exact only with well-separated window values
                assert oracle.window_gap(a["x"], p) > 1e-3 * np.abs(a["x"]).max(), case.name
        assert p["stride"] >= 1 and min(shape) >= 1
        assert a["dout"].shape == shape, case.name


def test_suites_cover_the_valid_domain():
    conv = [c for c in suites.public_cases() + suites.hidden_cases("coverage")
            if c.layer == "conv"]
    pool = [c for c in suites.public_cases() + suites.hidden_cases("coverage")
            if c.layer == "pool"]

    def x_shape(c):
        return c.arrays["x"].shape

    assert any(c.param["pad"] == 0 for c in conv)
    assert any(c.param["stride"] > 1 for c in conv)
    assert any(x_shape(c)[2] != x_shape(c)[3] for c in conv)
    assert any(c.arrays["w"].shape[2] != c.arrays["w"].shape[3] for c in conv)
    assert any(x_shape(c)[:2] == (1, 1) and c.arrays["w"].shape[0] == 1 for c in conv)
    assert any((x_shape(c)[2] + 2 * c.param["pad"] - c.arrays["w"].shape[2]) % c.param["stride"]
               for c in conv)
    overlapping = [c for c in pool if c.param["stride"] < min(c.param["pool_height"],
                                                               c.param["pool_width"])]
    assert overlapping and any(not c.ties for c in overlapping)
    assert any(c.ties and c.param["stride"] < c.param["pool_height"] for c in pool)
    assert any(c.param["stride"] > max(c.param["pool_height"], c.param["pool_width"])
               for c in pool)
    assert any(c.param["pool_height"] != c.param["pool_width"] for c in pool)
    assert any(x_shape(c)[2] != x_shape(c)[3] for c in pool)
    assert any((x_shape(c)[2] - c.param["pool_height"]) % c.param["stride"] for c in pool)
    assert sum(c.ties for c in pool) >= 3


def test_public_suite_holds_the_notebook_checks():
    cases = {c.name: c for c in suites.public_cases()}
    forward = cases["public conv case 1"]
    assert np.array_equal(forward.arrays["x"], np.linspace(-0.1, 0.5, 96).reshape(2, 3, 4, 4))
    assert forward.param == {"stride": 2, "pad": 1}
    # The notebook prints this value of correct_out[0, 0, 0]: the oracle must agree.
    out = oracle.conv_forward(forward.arrays["x"], forward.arrays["w"], forward.arrays["b"],
                              forward.param)
    assert out[0, 0, 0, 0] == pytest.approx(-0.08759809, abs=1e-8)
    backward = cases["public conv case 2"]
    np.random.seed(231)
    assert np.array_equal(backward.arrays["x"], np.random.randn(4, 3, 5, 5))
    pool = cases["public pool case 1"]
    assert np.array_equal(pool.arrays["x"], np.linspace(-0.3, 0.4, 96).reshape(2, 3, 4, 4))


def test_describe_shows_shapes_and_parameters_not_values():
    case = suites.hidden_cases("x")[0]
    text = case.describe()
    assert "x (" in text and "stride" in text and "pad" in text
    assert str(case.arrays["x"].flat[0])[:6] not in text
