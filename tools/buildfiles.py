"""The command line shared by the scripts that build committed files (samples, eval drafts):
write every file, or with --check report those whose bytes are out of date."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path


def build_main(
    description: str,
    builders: Mapping[str, Callable[[], bytes]],
    default_out: Path,
    script: str,
    argv: Sequence[str] | None = None,
) -> int:
    """Write `builders`' files into --out (or check them with --check); return the exit code."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=default_out, help="output folder")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    stale = []
    for name, build in builders.items():
        data = build()
        path = args.out / name
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(name)
            continue
        args.out.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"{path}  {len(data):,} bytes")
    if stale:
        print(f"out of date (run {script}): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0
