"""Find the layers.py to grade in what an instructor or a student points the grader at.

A submission is a `layers.py` file (any .py file), a folder holding one, or a .zip (cs231n's
hand-in zip has `cs231n/layers.py` inside). Only that one file's bytes are taken: nothing is
extracted, and nothing else of the submission is run.
"""
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MAX_SOURCE_BYTES = 5 << 20
PREFERRED = ("layers.py", "cs231n/layers.py")
IGNORED_PARTS = {"__MACOSX", "__pycache__", ".ipynb_checkpoints"}


class SubmissionError(Exception):
    """The submission exists but holds no single usable layers.py."""


@dataclass
class Submission:
    name: str  # a name for reports: the student's file, folder or zip name
    path: Path

    def source(self):
        """The bytes of the submission's layers.py, or SubmissionError."""
        if self.path.is_dir():
            return _from_folder(self.path)
        if zipfile.is_zipfile(self.path):
            return _from_zip(self.path)
        if self.path.suffix.lower() == ".zip":
            raise SubmissionError(f"{self.path.name} is not a valid zip file")
        if self.path.suffix.lower() == ".ipynb":
            raise SubmissionError(f"{self.path.name} is a notebook: hand in layers.py")
        return _read(self.path)


def _read(path):
    size = path.stat().st_size
    if size > MAX_SOURCE_BYTES:
        raise SubmissionError(f"{path.name} is {size} bytes, more than a layers.py can be")
    return path.read_bytes()


def _choose(candidates, where):
    """The one layers.py among candidate relative paths (PurePosixPath), by preference."""
    if not candidates:
        raise SubmissionError(f"no layers.py in {where}")
    if len(candidates) == 1:
        return candidates[0]
    for preferred in PREFERRED:
        if PurePosixPath(preferred) in candidates:
            return PurePosixPath(preferred)
    nested = [c for c in candidates if c.parts[-2:] == ("cs231n", "layers.py")]
    if len(nested) == 1:
        return nested[0]
    listed = ", ".join(sorted(str(c) for c in candidates))
    raise SubmissionError(f"several layers.py in {where} ({listed}): keep one")


def _ignored(parts):
    return any(part in IGNORED_PARTS or part.startswith(".") for part in parts)


def _from_folder(folder):
    candidates = [PurePosixPath(p.relative_to(folder).as_posix())
                  for p in folder.rglob("layers.py")
                  if p.is_file() and not _ignored(p.relative_to(folder).parts[:-1])]
    if not candidates:
        zips = [p for p in folder.iterdir() if p.suffix.lower() == ".zip" and p.is_file()]
        if len(zips) == 1:
            return _from_zip(zips[0])
    chosen = _choose(candidates, f"folder {folder.name}")
    return _read(folder / Path(*chosen.parts))


def _from_zip(path):
    try:
        with zipfile.ZipFile(path) as archive:
            members = {}
            for info in archive.infolist():
                name = PurePosixPath(info.filename)
                if (info.is_dir() or name.name != "layers.py" or name.is_absolute()
                        or ".." in name.parts or _ignored(name.parts[:-1])):
                    continue
                members[name] = info
            chosen = _choose(list(members), f"zip {path.name}")
            info = members[chosen]
            if info.file_size > MAX_SOURCE_BYTES:
                raise SubmissionError(f"{chosen} in {path.name} is too large "
                                      f"({info.file_size} bytes)")
            with archive.open(info) as member:
                data = member.read(MAX_SOURCE_BYTES + 1)
            if len(data) > MAX_SOURCE_BYTES:
                raise SubmissionError(f"{chosen} in {path.name} is too large")
            return data
    except SubmissionError:
        raise
    except Exception as error:  # corrupt data raises zlib, lzma, bz2 and zipfile errors alike
        raise SubmissionError(f"cannot read zip {path.name}: {type(error).__name__}: {error}") \
            from None


def name_for(path):
    """The submission's name in reports: folder or zip name, or the file's own name."""
    path = Path(path)
    if path.is_file() and path.name == "layers.py" and path.parent.name:
        return path.resolve().parent.name
    return path.stem if path.is_file() else path.resolve().name


def collect(paths):
    """Submissions for the given paths, with unique names; FileNotFoundError if one is missing."""
    submissions, used = [], set()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {raw}")
        base = name = name_for(path)
        copy = 1
        while name in used:
            copy += 1
            name = f"{base}-{copy}"
        used.add(name)
        submissions.append(Submission(name, path))
    return submissions
