"""The worker: the only process in which a submission's code runs.

Started by `grader.sandbox.runner` as `python -I worker.py LAYERS_PY`, requests on stdin and
replies on stdout, it imports the submission, then answers one request at a time: call a layer function on the
arrays sent, and send back what it returned, as plain numeric arrays, together with the
inputs as they are after the call (so the grader can tell whether they were modified).

It knows nothing about expected values or grades, and it imports nothing from the grader
package (only the standard library and numpy), so that it can run where the grader's own
files are out of reach. The framing functions at the top are also used by the runner, the
parent side of the protocol, so both ends share one definition.

Frame layout: MAGIC, a 4-byte big-endian header length, a JSON header whose "arrays" key
lists the names of the arrays that follow, then for each array an 8-byte length and the
array in .npy format (never pickled).
"""
import io
import json
import math
import struct
import sys

MAGIC = b"GRW1"
MAX_HEADER_BYTES = 1 << 20


def encode_frame(header, arrays=None):
    """Serialize a JSON-able header and a dict of numeric arrays into one frame."""
    import numpy as np

    arrays = arrays or {}
    header = dict(header, arrays=list(arrays))
    head = json.dumps(header, allow_nan=False).encode("utf-8")
    parts = [MAGIC, struct.pack(">I", len(head)), head]
    for name in arrays:
        buffer = io.BytesIO()
        np.lib.format.write_array(buffer, np.ascontiguousarray(arrays[name]), allow_pickle=False)
        payload = buffer.getvalue()
        parts.append(struct.pack(">Q", len(payload)))
        parts.append(payload)
    return b"".join(parts)


def read_frame(read_exact, max_bytes):
    """Read one frame with read_exact(n) -> bytes; returns (header, {name: ndarray}).

    Raises ValueError on anything malformed or larger than max_bytes in total.
    """
    import numpy as np

    if read_exact(4) != MAGIC:
        raise ValueError("malformed frame (bad magic)")
    (head_length,) = struct.unpack(">I", read_exact(4))
    if head_length > MAX_HEADER_BYTES:
        raise ValueError(f"frame header of {head_length} bytes is too large")
    header = json.loads(read_exact(head_length).decode("utf-8"))
    names = header.get("arrays", []) if isinstance(header, dict) else None
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ValueError("malformed frame header")
    total, arrays = head_length, {}
    for name in names:
        (length,) = struct.unpack(">Q", read_exact(8))
        total += length
        if total > max_bytes:
            raise ValueError(f"reply larger than {max_bytes} bytes")
        array = np.lib.format.read_array(io.BytesIO(read_exact(length)), allow_pickle=False)
        if array.dtype.kind not in "biuf":
            raise ValueError(f"array {name!r} has unsupported dtype {array.dtype}")
        arrays[name] = array
    return header, arrays


# ----------------------------------------------------------------------------------------
# Everything below runs only in the worker process.

class Refused(Exception):
    """The submission returned something the grader cannot take; the message says what."""


def _plain(value, what):
    """A numeric ndarray (never a subclass) holding value, or Refused."""
    import numpy as np

    if value is None:
        raise Refused(f"{what} is None")
    try:
        array = np.asarray(value)
    except Exception as error:  # a hostile __array__ may raise anything
        raise Refused(f"{what} cannot be read as an array ({type(error).__name__})") from None
    if type(array) is not np.ndarray:
        array = array.view(np.ndarray)
    if array.dtype.kind not in "biuf":
        raise Refused(f"{what} has dtype {array.dtype}, expected float64 numbers")
    return np.array(array, copy=True)


def _describe_param(param):
    """A JSON-able picture of a parameter dict, so the parent can compare it with the original."""
    if not isinstance(param, dict):
        return {"__not_a_dict__": repr(type(param).__name__)}
    picture = {}
    for key, value in param.items():
        plain = value if isinstance(value, (bool, int, float, str, type(None))) else repr(value)
        if isinstance(plain, float) and not math.isfinite(plain):
            plain = repr(plain)
        picture[str(key)] = plain
    return picture


def _where(error, module_file):
    """'(layers.py, line 57, in conv_forward_naive)' for the deepest frame in the submission."""
    import os
    import traceback

    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == module_file]
    if not frames:
        return ""
    frame = frames[-1]
    return f" ({os.path.basename(module_file)}, line {frame.lineno}, in {frame.name})"


def _error_text(error, module_file):
    message = str(error).strip().splitlines()
    first = message[0] if message else ""
    if len(first) > 300:
        first = first[:300] + "..."
    name = type(error).__name__
    return (f"{name}: {first}" if first else name) + _where(error, module_file)


def _unpack(returned, count, what):
    if count == 1:
        return [returned]
    if not isinstance(returned, (tuple, list)) or len(returned) != count:
        kind = type(returned).__name__
        length = f" of length {len(returned)}" if isinstance(returned, (tuple, list)) else ""
        raise Refused(f"returned a {kind}{length}, expected a tuple of {count}: {what}")
    return list(returned)


OUTPUT_NAMES = {
    "conv_forward_naive": ("out", "cache"),
    "max_pool_forward_naive": ("out", "cache"),
    "conv_backward_naive": ("dx", "dw", "db"),
    "max_pool_backward_naive": ("dx",),
}
INPUT_NAMES = {"conv": ("x", "w", "b"), "pool": ("x",)}


class Worker:
    def __init__(self, module_file, reply):
        self.module_file = module_file
        self.reply = reply
        self.module = None
        self.stored = {}  # case id -> (cache, the input arrays given to forward, param)

    def send(self, header, arrays=None):
        self.reply.write(encode_frame(header, arrays))
        self.reply.flush()

    def load(self):
        import importlib.util

        spec = importlib.util.spec_from_file_location("layers", self.module_file)
        module = importlib.util.module_from_spec(spec)
        sys.modules["layers"] = module
        try:
            spec.loader.exec_module(module)
        except SyntaxError as error:
            detail = f"{error.msg} (layers.py, line {error.lineno})"
            return self.send({"ok": False, "error": f"{type(error).__name__}: {detail}"})
        except BaseException as error:  # SystemExit and KeyboardInterrupt at import, too
            return self.send({"ok": False, "error": _error_text(error, self.module_file)})
        self.module = module
        present = [name for name in OUTPUT_NAMES if callable(getattr(module, name, None))]
        self.send({"ok": True, "functions": present})

    def answer(self, header, arrays):
        function, case = header["function"], header["case"]
        layer = header["layer"]
        param = header["param"]
        try:
            if header["op"] == "forward":
                inputs = [arrays[name] for name in INPUT_NAMES[layer]]
                self.stored.pop(case, None)
                returned = getattr(self.module, function)(*inputs, param)
                out, cache = _unpack(returned, 2, "(out, cache)")
                self.stored[case] = (cache, inputs, param)
                outputs = {"out": _plain(out, "out")}
            else:
                if header["cache"] == "own":
                    cache, inputs, param = self.stored.pop(case)
                else:
                    inputs = [arrays[name] for name in INPUT_NAMES[layer]]
                    cache = (*inputs, param)
                dout = arrays["dout"]
                returned = getattr(self.module, function)(dout, cache)
                names = OUTPUT_NAMES[function]
                values = _unpack(returned, len(names), "(" + ", ".join(names) + ")")
                outputs = {name: _plain(v, name) for name, v in zip(names, values)}
                inputs = inputs + [dout]
        except Refused as error:
            return self.send({"ok": False, "refused": True, "error": str(error)})
        except BaseException as error:
            return self.send({"ok": False, "error": _error_text(error, self.module_file)})
        names = list(INPUT_NAMES[layer]) + (["dout"] if header["op"] == "backward" else [])
        after = {}
        for name, value in zip(names, inputs):
            try:
                after["after_" + name] = _plain(value, name)
            except Refused as error:
                return self.send({"ok": False, "refused": True,
                                  "error": f"input {name} was replaced: {error}"})
        self.send({"ok": True, "case": case, "op": header["op"],
                   "param_after": _describe_param(param)}, {**outputs, **after})


def main(argv):
    import os

    # Keep the protocol on private copies of stdin and stdout, then point the submission's
    # standard streams elsewhere: what it prints lands in the output file (stderr), and what
    # it reads from stdin is nothing.
    requests = os.fdopen(os.dup(0), "rb", buffering=0)
    reply = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    module_file = argv[1]

    def read_exact(count):
        data = b""
        while len(data) < count:
            chunk = requests.read(count - len(data))
            if not chunk:
                raise EOFError
            data += chunk
        return data

    worker = Worker(module_file, reply)
    worker.load()
    if worker.module is None:
        return
    while True:
        try:
            header, arrays = read_frame(read_exact, max_bytes=1 << 31)
        except EOFError:
            return
        worker.answer(header, arrays)


if __name__ == "__main__":
    main(sys.argv)
