"""JSON Lines input shared by the batch modes of ``geoparse`` and ``extract``.

Each line is ``{"id": ..., "text": ...}`` with optional ``"spans"``
(``[[start, end], ...]``) and ``"published"`` (``YYYY-MM-DD``).
"""

from __future__ import annotations

import json

from geoconflict.errors import InputError

__all__ = ["parse_line", "safe_id"]


def parse_line(raw: bytes, lineno: int) -> dict:
    """The document on one JSONL line: ``id``, ``text``, ``spans``, ``published``.

    Raises :class:`InputError` naming the line when it is not UTF-8, not a
    JSON object, or lacks a string ``text``.
    """
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"line {lineno}: not UTF-8 (byte offset {exc.start} in the line); re-encode the file as UTF-8"
        ) from None
    try:
        doc = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"line {lineno}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(doc, dict):
        raise InputError(f"line {lineno}: expected a JSON object with \"id\" and \"text\", got {type(doc).__name__}")
    if "text" not in doc or not isinstance(doc["text"], str):
        raise InputError(f"line {lineno}: missing \"text\" (a string); each line needs {{\"id\": ..., \"text\": ...}}")
    spans = doc.get("spans")
    if spans is not None:
        if not isinstance(spans, list) or not all(
            isinstance(s, list) and len(s) == 2 and all(isinstance(v, int) and not isinstance(v, bool) for v in s)
            for s in spans
        ):
            raise InputError(f"line {lineno}: \"spans\" must be a list of [start, end] integer pairs")
    published = doc.get("published")
    if published is not None and not isinstance(published, str):
        raise InputError(f"line {lineno}: \"published\" must be a YYYY-MM-DD string")
    return {"id": doc.get("id"), "text": doc["text"], "spans": spans, "published": published}


def safe_id(raw: bytes):
    """The line's ``id`` when it can be read at all, else None (for error records)."""
    try:
        doc = json.loads(raw)
        return doc.get("id") if isinstance(doc, dict) else None
    except (ValueError, UnicodeDecodeError):
        return None
