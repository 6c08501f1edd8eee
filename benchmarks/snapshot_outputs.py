"""Golden snapshot of extraction output, to prove a speed change changes nothing.

Reads every report the project holds (the bundled example, ``tests/reports``,
``benchmarks/quality/reports`` and the sample in ``../shared/seed`` when
present) with :func:`geoconflict.read_report` and with one
:func:`geoconflict.read_reports` batch, and writes every table -- columns,
dtypes and values, geometry as WKT -- to one text file.  Two snapshots of
the same code are byte-identical; diff them to see what a change did.

Run::

    .venv/bin/python benchmarks/snapshot_outputs.py --save /tmp/before.txt
    ...change the code...
    .venv/bin/python benchmarks/snapshot_outputs.py --check /tmp/before.txt

``--check`` exits 1 and prints the first differing lines when the output
changed.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed"


def _paths() -> list[Path]:
    paths = [REPO / "geoconflict" / "examples" / "border_strikes.txt"]
    paths += sorted((REPO / "tests" / "reports").glob("*.txt"))
    paths += sorted(p for p in (REPO / "benchmarks" / "quality" / "reports").glob("*") if p.is_file())
    paths += sorted(SEED.glob("*.txt"))
    return paths


def _dump_table(name: str, df) -> list[str]:
    lines = [f"## {name} {len(df)} rows", "columns " + " ".join(f"{c}:{df[c].dtype}" for c in df.columns)]
    for row in df.itertuples(index=False):
        lines.append(" | ".join("<NA>" if _isna(v) else getattr(v, "wkt", None) or repr(v) for v in row))
    return lines


def _isna(v) -> bool:
    try:
        import pandas as pd

        return v is None or (not hasattr(v, "__len__") and bool(pd.isna(v)))
    except (TypeError, ValueError):
        return False


def snapshot() -> str:
    """The snapshot text of every report the project holds."""
    from geoconflict import read_report, read_reports

    lines: list[str] = []
    texts = {}
    for path in _paths():
        data = path.read_bytes()
        texts[path.stem] = data
        report = read_report(data)
        lines.append(f"# {path.relative_to(REPO.parent)} published={report.published}")
        for kind in ("places", "incidents", "claims", "stances"):
            lines += _dump_table(kind, getattr(report, kind))
    corpus = read_reports(texts)
    lines.append("# read_reports batch")
    for kind in ("reports", "places", "incidents", "claims", "stances"):
        lines += _dump_table(kind, getattr(corpus, kind))
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the snapshot to this file")
    group.add_argument("--check", type=Path, help="compare with a saved snapshot; exit 1 when they differ")
    args = parser.parse_args(argv)
    text = snapshot()
    if args.save:
        args.save.write_text(text, encoding="utf-8")
        print(f"saved {len(text.splitlines())} lines to {args.save}")
        return 0
    old = args.check.read_text(encoding="utf-8")
    if old == text:
        print(f"identical ({len(text.splitlines())} lines)")
        return 0
    diff = list(difflib.unified_diff(old.splitlines(), text.splitlines(), "saved", "now", lineterm="", n=1))
    print("\n".join(diff[:80]))
    print(f"... {len(diff)} diff lines" if len(diff) > 80 else "")
    return 1


if __name__ == "__main__":
    sys.exit(main())
