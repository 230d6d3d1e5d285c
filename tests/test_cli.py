"""The `grader` command as instructors and CI run it: outputs, formats and exit codes."""
import csv
import json
import os
import subprocess
import sys
import zipfile

import pytest

from conftest import REPO

ANSWER_KEY = REPO / "solutions" / "layers.py"
STUB = REPO / "layers.py"


def grader(*args, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "grader", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, PYTHONPATH=str(REPO), **(env or {})))


def test_check_full_marks_exits_0():
    result = grader("check", ANSWER_KEY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Total: 100/100" in result.stdout
    assert result.stdout.count("PASS") == 4
    assert "\033[" not in result.stdout  # no colour into a pipe


def test_check_defaults_to_layers_py_in_the_current_folder():
    result = grader("check", cwd=REPO)
    assert result.returncode == 1
    assert result.stdout.count("not implemented yet") == 4
    assert "Total: 0/100" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_check_shows_the_failing_case_and_the_error(tmp_path):
    buggy = ANSWER_KEY.read_text().replace(
        "dx = dx_pad[:, :, pad:pad + H, pad:pad + W]", "dx = dx_pad[:, :, pad:-pad, pad:-pad]")
    assert buggy != ANSWER_KEY.read_text()
    (tmp_path / "layers.py").write_text(buggy)
    result = grader("check", tmp_path / "layers.py", "--color", "always")
    assert result.returncode == 1
    assert "\033[31mFAIL\033[0m  conv_backward_naive" in result.stdout
    assert "public conv case 3: pad 0" in result.stdout
    assert "dx has shape (2, 3, 0, 0), expected (2, 3, 6, 6)" in result.stdout
    assert "Total: 95/100" in result.stdout


def test_check_missing_file_is_a_usage_error(tmp_path):
    result = grader("check", tmp_path / "nope.py")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "no such file" in result.stderr


@pytest.fixture
def class_folder(tmp_path):
    """A folder of submissions in every accepted form."""
    folder = tmp_path / "submissions"
    (folder / "alice").mkdir(parents=True)
    (folder / "alice" / "layers.py").write_text(ANSWER_KEY.read_text())
    (folder / "bob.py").write_text(STUB.read_text())
    with zipfile.ZipFile(folder / "carol.zip", "w") as archive:  # cs231n's hand-in layout
        archive.writestr("cs231n/layers.py", ANSWER_KEY.read_text())
        archive.writestr("cs231n/classifiers/cnn.py", "raise SystemExit('never run')\n")
        archive.writestr("ConvolutionalNetworks.ipynb", "{}")
    (folder / "dave").mkdir()
    (folder / "dave" / "notes.txt").write_text("no code here")
    return folder


def test_grade_writes_results_and_grades(class_folder, tmp_path):
    out = tmp_path / "out"
    names = ["alice", "bob.py", "carol.zip", "dave"]
    result = grader("grade", *(class_folder / n for n in names), "--out", out, "--seed", "7",
                    "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert "dave: cannot grade dave: no layers.py in folder dave" in result.stderr
    with open(out / "grades.csv", newline="") as stream:
        rows = {row["submission"]: row for row in csv.DictReader(stream)}
    assert list(rows) == ["alice", "bob", "carol", "dave"]
    assert rows["alice"]["total"] == "100" and rows["carol"]["total"] == "100"
    assert rows["bob"]["total"] == "0" and rows["bob"]["conv_forward_naive"] == "0"
    assert rows["dave"]["total"] == "0"
    for name in rows:
        check_gradescope_schema(json.loads((out / name / "results.json").read_text()))
    bob = json.loads((out / "bob" / "results.json").read_text())
    assert bob["score"] == 0
    assert all("not implemented yet" in test["output"] for test in bob["tests"])


def check_gradescope_schema(results):
    assert isinstance(results["score"], (int, float))
    assert isinstance(results["output"], str)
    tests = results["tests"]
    assert len(tests) == 8
    functions = set()
    for test in tests:
        assert set(test) >= {"name", "score", "max_score", "status", "output", "tags"}
        assert test["status"] in ("passed", "failed")
        assert 0 <= test["score"] <= test["max_score"]
        assert test["visibility"] in ("hidden", "after_due_date", "after_published", "visible")
        assert (test["status"] == "passed") == (test["score"] == test["max_score"])
        [function] = test["tags"]
        functions.add(function)
    assert functions == {"conv_forward_naive", "conv_backward_naive",
                         "max_pool_forward_naive", "max_pool_backward_naive"}
    assert sum(t["max_score"] for t in tests) == pytest.approx(100)
    assert sum(t["score"] for t in tests) == pytest.approx(results["score"])


def test_hidden_results_show_no_expected_values(tmp_path):
    buggy = ANSWER_KEY.read_text().replace("+ b[f]", "+ 0 * b[f]")
    (tmp_path / "layers.py").write_text(buggy)
    out = tmp_path / "out"
    assert grader("grade", tmp_path / "layers.py", "--out", out, "--seed", "1").returncode == 0
    results = json.loads((out / tmp_path.name / "results.json").read_text())
    tests = {t["name"]: t for t in results["tests"]}
    hidden = tests["conv_forward_naive: hidden cases"]["output"]
    public = tests["conv_forward_naive: public cases"]["output"]
    assert "relative error" in hidden and "expected" not in hidden.replace("expected (", "")
    assert "got" not in hidden and "got" in public


def test_grade_seed_from_environment_is_reproducible(tmp_path):
    buggy = ANSWER_KEY.read_text().replace("pad = conv_param[\"stride\"], conv_param[\"pad\"]",
                                           "pad = conv_param[\"stride\"], 1", 1)
    assert buggy != ANSWER_KEY.read_text()
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "layers.py").write_text(buggy)
    outputs = []
    for run in range(2):
        out = tmp_path / f"out{run}"
        result = grader("grade", tmp_path / "sub", "--out", out, env={"GRADER_SEED": "abc"})
        assert result.returncode == 0 and "hidden suite seed" not in result.stderr
        data = json.loads((out / "sub" / "results.json").read_text())
        outputs.append([(t["name"], t["score"], t["output"]) for t in data["tests"]])
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("args, message", [
    (["grade", "x.py"], "required: --out"),
    (["grade", "missing.py", "--out", "o"], "no such file or folder: missing.py"),
    (["grade", "layers.py", "--out", "o", "--jobs", "0"], "expected at least 1"),
    (["grade", "layers.py", "--out", "o", "--timeout", "soon"], "expected a number of seconds"),
    (["grade", "layers.py", "--out", "o", "--timeout", "inf"], "at most 3600 seconds"),
    (["frobnicate"], "invalid choice"),
    ([], "usage"),
])
def test_usage_errors_exit_2_with_one_line(args, message, tmp_path):
    result = grader(*args, cwd=REPO if "layers.py" in args else tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    if args:
        assert result.stderr.strip().count("\n") == 0, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [[], ["check"], ["grade"], ["assign"]])
def test_help_everywhere(command):
    result = grader(*command, "--help")
    assert result.returncode == 0 and "usage: grader" in result.stdout


def test_a_corrupt_zip_costs_only_its_own_submission(tmp_path):
    good = tmp_path / "good.py"
    good.write_text(ANSWER_KEY.read_text())
    with zipfile.ZipFile(tmp_path / "corrupt.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("cs231n/layers.py", ANSWER_KEY.read_text())
    data = bytearray((tmp_path / "corrupt.zip").read_bytes())
    data[200:260] = bytes(60)  # inside the compressed member
    (tmp_path / "corrupt.zip").write_bytes(bytes(data))
    result = grader("grade", good, tmp_path / "corrupt.zip", "--out", tmp_path / "out",
                    "--seed", "1")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "corrupt: cannot grade corrupt.zip: cannot read zip" in result.stderr
    rows = list(csv.DictReader(open(tmp_path / "out" / "grades.csv")))
    assert [(r["submission"], r["total"]) for r in rows] == [("good", "100"), ("corrupt", "0")]
    check = grader("check", tmp_path / "corrupt.zip")
    assert check.returncode == 2 and "cannot read zip" in check.stderr


def test_names_stay_unique_and_the_output_folder_is_not_graded(tmp_path):
    for name in ("alice", "alice-2"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "layers.py").write_text(STUB.read_text())
    (tmp_path / "alice.py").write_text(STUB.read_text())
    out = tmp_path / "out"
    out.mkdir()
    paths = [tmp_path / "alice", tmp_path / "alice.py", tmp_path / "alice-2", out]
    result = grader("grade", *paths, "--out", out, "--seed", "1")
    assert result.returncode == 0 and "it is the output folder" in result.stderr
    rows = [r["submission"] for r in csv.DictReader(open(out / "grades.csv"))]
    assert rows == ["alice", "alice-2", "alice-2-2"]
    assert all((out / name / "results.json").is_file() for name in rows)


def test_notebook_instead_of_layers_py(tmp_path):
    (tmp_path / "ConvolutionalNetworks.ipynb").write_text("{}")
    result = grader("check", tmp_path / "ConvolutionalNetworks.ipynb")
    assert result.returncode == 2 and "is a notebook: hand in layers.py" in result.stderr


def test_unprintable_error_text_does_not_crash_check(tmp_path):
    source = ANSWER_KEY.read_text() + (
        "\ndef conv_forward_naive(x, w, b, conv_param):\n    raise ValueError('bad \\udcff 形状')\n")
    (tmp_path / "layers.py").write_text(source)
    result = grader("check", tmp_path / "layers.py", env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "raised ValueError: bad" in result.stdout
