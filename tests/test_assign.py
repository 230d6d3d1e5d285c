"""The student layers.py is generated from the answer key and must not drift from it."""
import subprocess
import sys

import pytest

from conftest import REPO
from grader.assign import AssignError, END, START, student_source


def test_student_layers_py_is_what_the_answer_key_generates():
    generated = student_source((REPO / "solutions" / "layers.py").read_text(encoding="utf-8"))
    current = (REPO / "layers.py").read_text(encoding="utf-8")
    assert current == generated, "layers.py drifted from solutions/layers.py: run `grader assign`"


def test_student_file_keeps_docstrings_and_drops_the_solution():
    student = (REPO / "layers.py").read_text(encoding="utf-8")
    assert "answer-key" not in student and "dx_pad[:, :, pad:pad + H" not in student
    for key in ("(N, C, H, W)", "(F, C, HH, WW)", "'stride'", "'pad'", "pad = 0",
                "pool_height", "// stride", "Ties", "Do not modify", "overlap"):
        assert key in student, key
    assert student.count(START) == 4 and student.count(END) == 4


@pytest.mark.parametrize("function", ["conv_forward_naive", "conv_backward_naive",
                                      "max_pool_forward_naive", "max_pool_backward_naive"])
def test_each_stub_raises_not_implemented_naming_its_function(function):
    namespace = {}
    exec(compile((REPO / "layers.py").read_text(), "layers.py", "exec"), namespace)
    with pytest.raises(NotImplementedError, match=f"{function} is not implemented yet"):
        namespace[function](*([None] * (4 if function == "conv_forward_naive" else 2)))


def test_malformed_markers_are_refused():
    with pytest.raises(AssignError):
        student_source(f"def f():\n    {START}\n    x = 1\n")
    with pytest.raises(AssignError):
        student_source(f"def f():\n    {END}\n")


def test_assign_check_reports_drift(tmp_path):
    out = tmp_path / "layers.py"
    command = [sys.executable, "-m", "grader", "assign", "--solution",
               str(REPO / "solutions" / "layers.py"), "--out", str(out)]
    assert subprocess.run(command + ["--check"], capture_output=True).returncode == 1
    assert subprocess.run(command, capture_output=True).returncode == 0
    assert subprocess.run(command + ["--check"], capture_output=True).returncode == 0
    out.write_text(out.read_text() + "# edited\n")
    result = subprocess.run(command + ["--check"], capture_output=True, text=True)
    assert result.returncode == 1 and "out of date" in result.stderr
