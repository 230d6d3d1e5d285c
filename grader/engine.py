"""The engine: run every case of a suite on one submission and score each function.

For each case the engine asks the submission's worker (grader.sandbox) for the forward pass,
then for the backward pass on the forward's own cache. When the forward could not produce a
cache (it raised, timed out, or is missing), the backward gets cs231n's documented cache
instead, so that a bug in one function does not zero the other. The worker only returns
arrays; every comparison and every point is computed here, from the oracle's answers.
"""
import time
from dataclasses import dataclass, field

import numpy as np

from grader import checks, oracle
from grader.sandbox.runner import Sandbox, WorkerFailure
from grader.sandbox.worker import INPUT_NAMES as INPUTS, OUTPUT_NAMES

POINTS_PER_FUNCTION = 25.0
FUNCTIONS = ("conv_forward_naive", "conv_backward_naive",
             "max_pool_forward_naive", "max_pool_backward_naive")
LAYER_FUNCTIONS = {"conv": ("conv_forward_naive", "conv_backward_naive"),
                   "pool": ("max_pool_forward_naive", "max_pool_backward_naive")}
PARAM_NAME = {"conv": "conv_param", "pool": "pool_param"}
DOCUMENTED_CACHE = {"conv": "(x, w, b, conv_param)", "pool": "(x, pool_param)"}
GRADIENTS = {backward: OUTPUT_NAMES[backward] for _, backward in LAYER_FUNCTIONS.values()}


@dataclass
class Limits:
    time_per_function: float = 20.0  # seconds, across all cases of one function
    import_time: float = 20.0


@dataclass
class CaseResult:
    case: object
    problems: list

    @property
    def passed(self):
        return not self.problems


@dataclass
class FunctionResult:
    name: str
    cases: list = field(default_factory=list)

    @property
    def max_points(self):
        return POINTS_PER_FUNCTION

    @property
    def points(self):
        if not self.cases:
            return 0.0
        return POINTS_PER_FUNCTION * sum(c.passed for c in self.cases) / len(self.cases)

    @property
    def passed(self):
        return bool(self.cases) and all(c.passed for c in self.cases)

    def failures(self):
        return [c for c in self.cases if not c.passed]

    def uniform_problem(self):
        """The problem when every case failed with that one problem alone, else None."""
        failed = self.failures()
        if not failed or len(failed) != len(self.cases):
            return None
        first = failed[0].problems
        if len(first) == 1 and all(c.problems == first for c in failed):
            return first[0]
        return None

    def summary(self):
        """One line: how many cases passed, or the one problem every case had."""
        failed = self.failures()
        if not failed:
            return f"passed all {len(self.cases)} cases"
        return self.uniform_problem() or f"failed {len(failed)} of {len(self.cases)} cases"


@dataclass
class SubmissionResult:
    name: str
    functions: dict  # function name -> FunctionResult
    seconds: float = 0.0

    @property
    def points(self):
        return sum(f.points for f in self.functions.values())

    @property
    def max_points(self):
        return sum(f.max_points for f in self.functions.values())


def expected_answers(cases):
    """The oracle's answer for every case, keyed by case name (computed once per suite)."""
    answers = {}
    for case in cases:
        a = case.arrays
        if case.layer == "conv":
            out = oracle.conv_forward(a["x"], a["w"], a["b"], case.param)
            dx, dw, db = oracle.conv_numeric_gradients(a["x"], a["w"], a["b"], case.param,
                                                       a["dout"])
            answers[case.name] = {"out": out, "dx": dx, "dw": dw, "db": db}
        else:
            out = oracle.pool_forward(a["x"], case.param)
            dx = None if case.ties else oracle.pool_numeric_gradient(a["x"], case.param,
                                                                     a["dout"])
            answers[case.name] = {"out": out, "dx": dx}
    return answers


def _refusal(reply):
    """The problem, in a few words, when the worker reports that a call failed."""
    error = reply.get("error", "failed")
    if error.startswith("NotImplementedError"):
        where = error[error.rfind(" ("):] if error.endswith(")") else ""
        return f"not implemented yet: it raises NotImplementedError{where}"
    if reply.get("refused"):
        if error.endswith(" is None"):
            return f"returned None for {error[:-len(' is None')]}: not implemented yet?"
        return error
    return f"raised {error}"


class _Session:
    """Calls into one submission's sandbox, keeping each function's time budget."""

    def __init__(self, sandbox, limits, functions_present):
        self.sandbox = sandbox
        self.limits = limits
        self.present = set(functions_present)
        self.spent = {name: 0.0 for name in FUNCTIONS}
        self.stopped = {}  # function -> why it is no longer called
        self.crashes = {name: 0 for name in FUNCTIONS}

    def call(self, function, header, arrays):
        """(reply header, arrays) or (None, problem)."""
        if function not in self.present:
            return None, f"layers.py has no function {function}"
        if function in self.stopped:
            return None, self.stopped[function]
        remaining = self.limits.time_per_function - self.spent[function]
        started = time.monotonic()
        try:
            reply, replied = self.sandbox.call(
                dict(header, function=function), arrays, remaining, f"in {function}")
        except WorkerFailure as failure:
            if failure.kind == "timeout":
                self.stopped[function] = (f"not run: {function} used up its "
                                          f"{self.limits.time_per_function:g} s")
                return None, (f"timed out after {self.limits.time_per_function:g} s "
                              f"in {function} (the limit for all its cases)")
            if failure.kind == "died":
                self.crashes[function] += 1
                if self.crashes[function] >= 2:
                    self.stopped[function] = f"not run: {function} crashed its process twice"
            return None, failure.message
        finally:
            self.spent[function] += time.monotonic() - started
        if not isinstance(reply.get("error", ""), str):
            reply = {"ok": False, "error": "(no message)"}
        if not reply.get("ok"):
            return None, _refusal(reply)
        if not _well_formed(header, reply, replied):
            self.sandbox.reset()  # the conversation is out of step: start afresh
            return None, "the submission's process sent a malformed reply"
        return reply, replied


def _well_formed(request, reply, replied):
    """Whether a reply has exactly what the engine reads, so that junk can never crash it."""
    layer = request["layer"]
    if request["op"] == "forward":
        names = ["out"] + [f"after_{n}" for n in INPUTS[layer]]
    else:
        gradients = GRADIENTS[LAYER_FUNCTIONS[layer][1]]
        names = list(gradients) + [f"after_{n}" for n in INPUTS[layer]] + ["after_dout"]
    return (reply.get("case") == request["case"] and reply.get("op") == request["op"]
            and isinstance(reply.get("param_after"), dict)
            and all(name in replied for name in names))


def _input_problems(case, reply, replied, before, param_before):
    problems = []
    for name, array in before.items():
        problems += checks.compare_unchanged(name, replied["after_" + name], array)
    problems += checks.compare_param(PARAM_NAME[case.layer], reply["param_after"], param_before)
    return problems


def _run_forward(session, case, answer):
    """(problems, reply, replied) of the forward pass; reply is None when it failed to run."""
    forward = LAYER_FUNCTIONS[case.layer][0]
    inputs = {name: case.arrays[name] for name in INPUTS[case.layer]}
    header = {"op": "forward", "layer": case.layer, "case": case.name, "param": case.param}
    reply, replied = session.call(forward, header, inputs)
    if reply is None:
        return [replied], None, None
    problems = checks.compare("out", replied["out"], answer["out"], case.suite == "public")
    problems += _input_problems(case, reply, replied, inputs, case.param)
    return problems, reply, replied


def _run_backward(session, case, answer, forward_reply=None, forward_replied=None):
    """Problems of the backward pass, on the forward's own cache when forward_reply is given
    (the inputs it must leave alone are then as the forward left them), else on cs231n's
    documented cache built from the case's inputs."""
    backward = LAYER_FUNCTIONS[case.layer][1]
    inputs = {name: case.arrays[name] for name in INPUTS[case.layer]}
    dout = case.arrays["dout"]
    header = {"op": "backward", "layer": case.layer, "case": case.name, "param": case.param}
    if forward_reply is not None:
        header["cache"], sent = "own", {"dout": dout}
        before = {name: forward_replied["after_" + name] for name in inputs}
        param_before = forward_reply["param_after"]
    else:
        header["cache"], sent = "documented", dict(inputs, dout=dout)
        before, param_before = dict(inputs), case.param
    before["dout"] = dout
    reply, replied = session.call(backward, header, sent)
    note = ([] if header["cache"] == "own" else
            [f"(run on cs231n's cache {DOCUMENTED_CACHE[case.layer]}, because "
             f"{LAYER_FUNCTIONS[case.layer][0]} did not give a usable one)"])
    if reply is None:
        return [replied] + (note if replied.startswith("raised") else [])
    problems = []
    for name in GRADIENTS[backward]:
        expected = answer[name]
        if expected is None:  # tie case: graded by SPEC.md's tie rule
            student = replied[name]
            if student.shape == case.arrays["x"].shape and np.all(np.isfinite(student)):
                expected = oracle.tie_expected_dx(case.arrays["x"], case.param, dout, student)
            else:
                expected = np.zeros(case.arrays["x"].shape)
        found = checks.compare(name, replied[name], expected, case.suite == "public")
        if found and case.ties:
            found.append("(this case has tied maxima: any split of a window's gradient among "
                         "its tied maxima that adds up to dout passes; the expected value "
                         "shown is an even split)")
        problems += found
    if problems:
        problems += note
    return problems + _input_problems(case, reply, replied, before, param_before)


def _run_case(session, case, answer, results):
    forward, backward = LAYER_FUNCTIONS[case.layer]
    forward_problems, reply, replied = _run_forward(session, case, answer)
    results[forward].cases.append(CaseResult(case, forward_problems))
    if reply is not None:  # the worker that answered holds the forward's cache
        problems = _run_backward(session, case, answer, reply, replied)
        if problems and forward_problems:
            # A wrong forward may have left a wrong cache: grade the backward on its own.
            problems = _run_backward(session, case, answer)
    else:
        problems = _run_backward(session, case, answer)
    results[backward].cases.append(CaseResult(case, problems))


def grade(source, cases, answers, name="layers.py", limits=None, sandbox=None):
    """Grade one submission on the given cases; returns a SubmissionResult.

    source is the bytes of the submission's layers.py; answers is expected_answers(cases),
    shared by every submission graded on those cases. A sandbox already started for this
    source may be passed in instead (so that its start-up overlaps the oracle's work); it is
    closed here.
    """
    limits = limits or Limits()
    started = time.monotonic()
    sandbox = sandbox or Sandbox(source, import_time=limits.import_time)
    with sandbox:
        try:
            hello = sandbox.hello()
        except WorkerFailure as error:
            return failed_submission(name, cases, f"could not import layers.py: {error.message}")
        functions = hello.get("functions")
        if not hello.get("ok") or not isinstance(functions, list):
            error = hello.get("error")
            error = error if isinstance(error, str) else "its process sent a malformed reply"
            return failed_submission(name, cases, f"could not import layers.py: {error}")
        results = {function: FunctionResult(function) for function in FUNCTIONS}
        session = _Session(sandbox, limits, [f for f in functions if isinstance(f, str)])
        for case in cases:
            _run_case(session, case, answers[case.name], results)
    return SubmissionResult(name, results, time.monotonic() - started)


def failed_submission(name, cases, problem):
    """The result of a submission that could not be run at all: every case fails with problem."""
    results = {function: FunctionResult(function) for function in FUNCTIONS}
    for case in cases:
        for function in LAYER_FUNCTIONS[case.layer]:
            results[function].cases.append(CaseResult(case, [problem]))
    return SubmissionResult(name, results)
