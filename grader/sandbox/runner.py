"""The parent side of the sandbox: start a submission's worker process and talk to it.

A `Sandbox` owns one submission's worker. Each `call` sends one request and waits for the
reply with a time limit. When the worker hangs, crashes or exits, the call raises
`WorkerFailure` naming what happened, the process group is killed, and the next call starts
a fresh worker (with none of the old one's caches).
"""
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from grader.sandbox import worker as protocol

WORKER_FILE = Path(protocol.__file__).resolve()
MAX_REPLY_BYTES = 256 << 20
OUTPUT_TAIL_BYTES = 2000


class WorkerFailure(Exception):
    """The worker did not answer: kind is 'timeout', 'died' or 'protocol'."""

    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind
        self.message = message


def _signal_name(number):
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


class Sandbox:
    """One submission's worker process, in a temporary folder holding its layers.py.

    source is the bytes of the submission's layers.py.
    """

    def __init__(self, source, import_time=20.0):
        self.import_time = import_time
        self.workdir = Path(tempfile.mkdtemp(prefix="grader-"))
        (self.workdir / "layers.py").write_bytes(source)
        self.process = None
        self._hello = None
        self._start()

    # -- process lifetime ------------------------------------------------------------------
    def _start(self):
        output = open(self.workdir / "output.txt", "ab")
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-I", str(WORKER_FILE), str(self.workdir / "layers.py")],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=output,
                cwd=self.workdir, start_new_session=(os.name == "posix"))
        finally:
            output.close()
        self._hello = None
        self._replies = queue.Queue()
        self._reader = threading.Thread(target=self._read_replies,
                                        args=(self.process.stdout, self._replies), daemon=True)
        self._reader.start()

    @staticmethod
    def _read_replies(stream, replies):
        def read_exact(count):
            data = stream.read(count)
            if len(data) != count:
                raise EOFError
            return data

        while True:
            try:
                replies.put(("reply", protocol.read_frame(read_exact, MAX_REPLY_BYTES)))
            except EOFError:
                replies.put(("eof", None))
                return
            except Exception as error:  # malformed or oversized reply
                replies.put(("protocol", f"{type(error).__name__}: {error}"))
                return

    def _kill(self):
        process, self.process = self.process, None
        if process is None:
            return
        if process.poll() is None:
            try:
                if os.name == "posix":
                    os.killpg(process.pid, signal.SIGKILL)
                else:
                    process.kill()
            except (ProcessLookupError, PermissionError):
                pass
        try:
            process.stdin.close()
        except OSError:
            pass
        # stdout is left to the reader thread: closing it here would block while the thread
        # reads, for as long as an escaped grandchild keeps the pipe open.
        process.wait()

    def reset(self):
        """Stop the worker; the next call starts a fresh one."""
        self._kill()

    def close(self):
        self._kill()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- talking to the worker -------------------------------------------------------------
    def output_tail(self):
        """The last lines the submission printed (stdout and stderr together)."""
        try:
            with open(self.workdir / "output.txt", "rb") as output:
                output.seek(0, os.SEEK_END)
                output.seek(max(0, output.tell() - OUTPUT_TAIL_BYTES))
                return output.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def _death(self, while_doing):
        process = self.process
        try:
            code = process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            code = None
        self._kill()
        if code is None:
            how = "closed its output"
        elif code < 0:
            how = f"was killed by {_signal_name(-code)}"
        else:
            how = f"exited with code {code}"
        last = [line for line in self.output_tail().splitlines() if line.strip()]
        said = f" (its last output: {last[-1].strip()[:200]})" if last else ""
        return WorkerFailure("died", f"the submission's process {how} {while_doing}{said}")

    def _receive(self, deadline, while_doing, limit):
        try:
            kind, payload = self._replies.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            self._kill()
            raise WorkerFailure("timeout", f"timed out after {limit:g} s {while_doing}") from None
        if kind == "reply":
            return payload
        if kind == "eof":
            raise self._death(while_doing)
        self._kill()
        raise WorkerFailure("protocol", f"garbled reply {while_doing} ({payload})")

    def hello(self):
        """The worker's first message: {'ok': True, 'functions': [...]} or {'ok': False, 'error'}."""
        if self.process is None:
            self._start()
        if self._hello is None:
            deadline = time.monotonic() + self.import_time
            self._hello, _ = self._receive(deadline, "while importing layers.py", self.import_time)
        return self._hello

    def call(self, header, arrays, time_limit, while_doing):
        """Send one request; return the reply (header, arrays) or raise WorkerFailure."""
        hello = self.hello()
        if not hello.get("ok"):
            raise WorkerFailure("import", hello.get("error", "layers.py could not be imported"))
        frame = protocol.encode_frame(header, arrays)
        try:
            self.process.stdin.write(frame)
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            raise self._death(while_doing) from None
        return self._receive(time.monotonic() + time_limit, while_doing, time_limit)
