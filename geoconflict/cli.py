"""Command-line interface: ``geoconflict COMMAND ...`` or ``python -m geoconflict``.

Each sub-command lives in its own module under :mod:`geoconflict._commands`
and registers itself through ``register(subparsers)``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from gazetteer.errors import GazetteerError

__all__ = ["main", "build_parser"]

# Order is the order shown in --help.
_COMMANDS = ("resolve", "distance", "geoparse", "extract", "map", "export", "demo")

_EPILOG = """\
examples:
  geoconflict resolve Paktia --json
  geoconflict resolve Faizabad --context "Islamabad's Faizabad area" --json
  geoconflict distance "Prime Minister's Office, Islamabad" "Faizabad, Islamabad" --json
  geoconflict geoparse report.txt --json
  geoconflict geoparse --jsonl in.jsonl -o out.jsonl
  geoconflict extract report.txt --published 2026-02-28 -o outputs/report.geojson
  geoconflict map report.txt -o outputs/report.html --offline
  geoconflict export outputs/report.geojson -o outputs/report.gpkg
  geoconflict demo

Run `geoconflict COMMAND --help` for the options of one command.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geoconflict",
        description="Offline toolkit that turns conflict reporting into verified, mapped incidents.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMANDS:
        try:
            module = importlib.import_module(f"geoconflict._commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"geoconflict._commands.{name}":
                raise
            continue  # command not built yet
        module.register(sub)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("geoconflict")
    except PackageNotFoundError:
        return "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``geoconflict`` console script.

    Returns the process exit status: 0 on success, 1 when the input could not
    be handled (with a message on stderr), 2 on a usage error.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except GazetteerError as exc:  # the project's exception root
        print(f"geoconflict {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
