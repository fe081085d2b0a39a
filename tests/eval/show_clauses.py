"""Print every clause the scan looks at, with the identifier labels use and its own text.

    python tests/eval/show_clauses.py DRAFT [--body itu-t|ieee|iso]

This is the labeller's reading view: one `=== <clause id>` header per clause (the number, or
the title of an unnumbered clause), then the clause's own blocks. References and
bibliographies are left out, as the scan leaves them out.
"""

from __future__ import annotations

import argparse
import textwrap

from stdcomment.model import Body
from stdcomment.readers import read_draft
from stdcomment.scan import scanned


def main() -> None:
    """Print the clauses of the draft named on the command line."""
    parser = argparse.ArgumentParser()
    parser.add_argument("draft")
    parser.add_argument("--body", choices=["itu-t", "ieee", "iso"])
    args = parser.parse_args()
    draft = read_draft(args.draft, body=Body(args.body) if args.body else None)
    for clause in draft.walk():
        if not scanned(clause):
            continue
        ident = clause.number or clause.title
        print(f"=== {ident} | {clause.title} | {clause.kind.value}")
        for block in clause.blocks:
            label = f"{block.label} " if block.label else ""
            body = " ".join(block.text.split())
            print(
                textwrap.fill(f"[{block.kind.value}] {label}{body}", 110, subsequent_indent="    ")
            )
        print()


if __name__ == "__main__":
    main()
