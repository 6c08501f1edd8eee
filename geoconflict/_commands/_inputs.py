"""Report files named on the command line, shared by ``extract`` and ``map``."""

from __future__ import annotations

import sys
from pathlib import Path

from geoconflict.errors import InputError

__all__ = ["read_report_file", "report_files"]


def read_report_file(path: str) -> tuple[bytes, str | None]:
    """Bytes of a report file ('-' for standard input) and its file name."""
    if path == "-":
        return sys.stdin.buffer.read(), None
    source = Path(path)
    if source.is_dir():
        raise InputError(f"{source} is a folder; pass a report file (.txt/.md/.html) or - for standard input")
    try:
        return source.read_bytes(), source.name
    except OSError as exc:
        raise InputError(
            f"cannot read report {source}: {exc.strerror or exc}; pass a readable .txt/.md/.html file"
        ) from None


def report_files(paths: list[str]) -> dict[str, tuple[bytes, str | None]]:
    """Report id (the file stem, made unique) -> (bytes, published)."""
    if "-" in paths:
        raise InputError("standard input ('-') cannot be combined with other reports; use --jsonl for a stream")
    docs: dict[str, tuple[bytes, str | None]] = {}
    for path in paths:
        data, name = read_report_file(path)
        stem = "".join("_" if ch.isspace() or ch == "/" else ch for ch in Path(name).stem) or "report"
        rid, n = stem, 1
        while rid in docs:
            n += 1
            rid = f"{stem}-{n}"
        docs[rid] = (data, None)
    return docs
