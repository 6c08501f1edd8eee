"""Temporary files beside an output, for writes that are atomic (private).

:func:`tempfile.mkstemp` creates files readable by their owner only, and
``os.replace`` keeps that mode: a map or JSON Lines file written that way
could not be served by a web server or read by a colleague.  The file here
is created like any other, with the process umask applied.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

__all__: list[str] = []


def temp_beside(target: Path) -> tuple[int, str]:
    """Open a new, uniquely named file in ``target``'s folder for writing.

    Returns the descriptor and the path; rename it over ``target`` with
    :func:`os.replace` once written, or unlink it on failure.
    """
    target = Path(target)
    for _ in range(100):
        tmp = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), str(tmp)
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
    raise FileExistsError(f"could not create a temporary file beside {target}")  # pragma: no cover
