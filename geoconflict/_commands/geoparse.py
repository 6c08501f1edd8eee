"""``geoconflict geoparse``: place mentions of a report, or of many (JSONL).

Single document::

    geoconflict geoparse report.txt --json     # {"mentions": [...]}
    geoconflict geoparse - < report.txt        # read stdin

Batch::

    geoconflict geoparse --jsonl in.jsonl -o out.jsonl

Each input line is ``{"id": ..., "text": ..., "spans": [[start, end], ...]}``
(``spans`` optional).  Each output line is ``{"id": ..., "mentions": [...]}``
with ``start, end, text, lat, lon, country_code, feature_type,
gazetteer_id, score``; with ``spans`` there is exactly one mention per span,
in order (null coordinates when unresolved).

A malformed line (not JSON, no ``text``, bad spans) stops the run with an
error naming its line number and nothing is written, unless
``--on-error record``: then that line's output is ``{"id": ..., "error":
"..."}`` and the run continues.  The output file is written to a temporary
file and moved into place at the end, so it is never half-written.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from geoconflict._commands._jsonl import parse_line, safe_id
from geoconflict._files import temp_beside
from geoconflict.errors import InputError, OutputExistsError

__all__ = ["register", "run", "BATCH_FIELDS"]

#: Fields of each mention in batch output.
BATCH_FIELDS = ("start", "end", "text", "lat", "lon", "country_code", "feature_type", "gazetteer_id", "score")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "geoparse",
        help="find and resolve the places a report names",
        description="Find the place names in a report and resolve them with the offline gazetteer.",
        epilog=(
            "examples:\n"
            "  geoconflict geoparse report.txt --json\n"
            "  cat report.txt | geoconflict geoparse - --json\n"
            "  geoconflict geoparse --jsonl in.jsonl -o out.jsonl\n"
            "\nJSONL input lines: {\"id\": ..., \"text\": ..., \"spans\": [[start, end], ...]} (spans optional)."
        ),
        formatter_class=__import__("argparse").RawDescriptionHelpFormatter,
    )
    p.add_argument("file", nargs="?", help="report file (.txt, .md, .html) or - for stdin")
    p.add_argument("--json", action="store_true", help="print {\"mentions\": [...]} as JSON")
    p.add_argument("--jsonl", metavar="IN.jsonl", help="batch mode: one JSON document per line")
    p.add_argument("-o", "--output", metavar="OUT.jsonl", help="batch output file (default: stdout)")
    p.add_argument("--force", action="store_true", help="overwrite an existing output file")
    p.add_argument(
        "--on-error",
        choices=("stop", "record"),
        default="stop",
        help="bad JSONL line: stop with its line number (default) or write an error record and go on",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.set_defaults(func=run)


def run(args) -> int:
    if args.jsonl:
        if args.file:
            raise InputError("give either FILE or --jsonl IN.jsonl, not both")
        return _run_batch(args)
    if not args.file:
        raise InputError("no input: give a report FILE (or - for stdin), or --jsonl IN.jsonl")
    from geoconflict.geoparsing import geoparse
    from geoconflict.text import decode_input

    text = decode_input(_read_bytes(args.file))
    mentions = geoparse(text)
    if args.json:
        payload = {"mentions": [dict(m.to_dict(), resolved=m.resolved) for m in mentions]}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        for m in mentions:
            p = m.place
            where = "unresolved" if p is None else (
                f"{p.name} ({p.feature_type}, {p.country_code or '-'}) {p.lat:.4f}, {p.lon:.4f}"
            )
            sys.stdout.write(f"{m.start}-{m.end}\t{m.text}\t{where}\n")
    return 0


def _read_bytes(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    if not path.is_file():
        raise InputError(f"no such file: {name}; give a report path or - for stdin")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror}") from None


def _batch_record(doc_id, text: str, spans, gaz) -> dict:
    from geoconflict.geoparsing import geoparse, resolve_mentions

    if spans is None:
        mentions = geoparse(text, gazetteer=gaz)
    else:
        mentions = resolve_mentions(text, spans, gazetteer=gaz)
    rows = []
    for m in mentions:
        d = m.to_dict()
        rows.append({k: d[k] for k in BATCH_FIELDS})
    return {"id": doc_id, "mentions": rows}


def _run_batch(args) -> int:
    from gazetteer import get_gazetteer

    src = args.jsonl
    if src != "-" and not Path(src).is_file():
        raise InputError(f"no such file: {src}; give a JSONL file with one {{\"id\", \"text\"}} object per line")
    out_path = Path(args.output) if args.output and args.output != "-" else None
    if out_path is not None and out_path.exists() and not args.force:
        raise OutputExistsError(f"{out_path} exists; pass --force to overwrite it")
    gaz = get_gazetteer()
    stream = sys.stdin.buffer if src == "-" else open(src, "rb")
    total = None
    if src != "-":
        with open(src, "rb") as fh:
            total = sum(1 for _ in fh)
    try:
        from tqdm import tqdm

        progress = tqdm(total=total, unit="doc", file=sys.stderr, disable=bool(args.no_progress),
                        desc="geoparse", dynamic_ncols=True)
    except ImportError:  # pragma: no cover
        progress = None
    tmp_fd, tmp_name, sink = None, None, None
    try:
        if out_path is not None:
            out_path.parent.mkdir(parents=True, exist_ok=True)
            tmp_fd, tmp_name = temp_beside(out_path)
            sink = os.fdopen(tmp_fd, "w", encoding="utf-8", newline="\n")
        else:
            sink = sys.stdout
        with stream:
            for lineno, raw in enumerate(stream, start=1):
                if progress is not None:
                    progress.update(1)
                if not raw.strip():
                    continue
                try:
                    doc = parse_line(raw, lineno)
                    doc_id, text, spans = doc["id"], doc["text"], doc["spans"]
                    record = _batch_record(doc_id, text, spans, gaz)
                except InputError as exc:
                    if args.on_error == "stop":
                        msg = str(exc)
                        raise InputError(msg if msg.startswith("line ") else f"line {lineno}: {msg}") from None
                    doc_id = safe_id(raw)
                    record = {"id": doc_id, "line": lineno, "error": str(exc)}
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")
        if out_path is not None:
            sink.close()
            os.replace(tmp_name, out_path)
            tmp_name = None
        else:
            sink.flush()
    finally:
        if progress is not None:
            progress.close()
        if tmp_name is not None:  # failed run: leave no partial file behind
            try:
                if sink is not None and sink is not sys.stdout:
                    sink.close()
                os.unlink(tmp_name)
            except OSError:
                pass
    return 0
