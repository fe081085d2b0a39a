"""Generate large synthetic ITU-T-style drafts for benchmarks, with their ground truth.

    generate(pages, variant, seed=0) -> bytes
    generate_with_truth(pages, variant, seed=0) -> (bytes, truth)

Variants:
    typed     clause numbers typed in the headings ("6.2.1<TAB>Title")
    autonum   the same draft with Word automatic numbering (numPr in the heading styles)
    tracked   typed, with about 5% of body paragraphs holding w:del + w:ins, and a few heading
              numbers corrected by tracked edits
    wordlike  typed, with Word-like XML noise: rsids, 3-8 runs per paragraph with full rPr,
              proofErr marks, _Toc bookmarks on headings
    v2        the next revision of `typed` (same seed): about 5% of paragraphs edited, some
              clauses moved, sub-clauses inserted and deleted so that headings renumber

About 11 paragraphs a page (20 pages ~ 280 paragraphs, 100 ~ 1,150, 400 ~ 4,270, counting
table-cell paragraphs); about 3% of body paragraphs mention emotion recognition, facial
expressions, micro-expressions or biometric data. The truth lists every heading in order
(stable key, number, title, level, kind) and, for v2, what was moved, inserted, deleted and
edited. Output depends only on (pages, variant, seed).

    .venv/bin/python benchmarks/gendrafts.py OUTDIR [--pages 20 100 400] [--variants ...]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.draftwords import (  # noqa: E402
    ACTS,
    EMOTION,
    FOOTNOTES,
    TOPIC_A,
    TOPIC_B,
    Writer,
)
from tools.sampledoc import Annex, Bibliography, Heading, Node, TableNode, Text, walk  # noqa: E402

from stdcomment.docxwrite import (  # noqa: E402
    Bookmark,
    Br,
    Cell,
    Comment,
    Content,
    Del,
    DocxBuilder,
    Field,
    FootnoteRef,
    Ins,
    P,
    Raw,
    Run,
    RunFormat,
    Section,
)
from stdcomment.docxwrite.presets import itu_t_styles  # noqa: E402
from stdcomment.ooxml import write_package  # noqa: E402

VARIANTS = ("typed", "autonum", "tracked", "wordlike", "v2")
BODY_PARAS_PER_PAGE = 6.05
FRONT_PAGES = 3


@dataclass
class Clause:
    """A clause of the synthetic draft: its blocks, then its sub-clauses."""

    key: str
    title: str
    level: int
    blocks: list[Node] = field(default_factory=list)
    children: list[Clause] = field(default_factory=list)

    def walk(self) -> Iterator[Clause]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Model:
    """The whole draft as a clause tree: front, body clauses, annex, appendix, bibliography."""

    body: list[Clause]
    annex: list[Clause]
    appendix: list[Clause]
    changes: dict[str, list[str] | int] = field(default_factory=dict)


def _leaf_blocks(w: Writer, n: int, counter: list[int]) -> list[Node]:
    rng = w.rng
    out: list[Node] = []
    for _ in range(n):
        counter[0] += 1
        roll = rng.random()
        if roll < 0.08:
            out.append(Text(w.note(), "Note"))
        elif roll < 0.14:
            out.append(Text(f"\u2013\t{rng.choice(ACTS)};", "enumlev1"))
        else:
            text = w.requirement()
            if rng.random() < 0.045:
                text += " " + rng.choice(EMOTION)
            out.append(Text(text))
    if counter[0] >= counter[1]:  # a 5x3 table every few pages
        counter[1] += 32
        rows = tuple(
            (f"{rng.choice(TOPIC_A)} {rng.choice(TOPIC_B)}", str(rng.randrange(1, 99)), "ms")
            for _ in range(4)
        )
        out.append(TableNode(f"t{counter[1]}", w.title(), ("Parameter", "Value", "Unit"), rows))
    return out


def build_model(pages: int, seed: int) -> Model:
    """The clause tree of a `pages`-page draft (deterministic in `seed`)."""
    rng = random.Random(seed)
    w = Writer(rng)
    budget = max(1, round((pages - FRONT_PAGES) * BODY_PARAS_PER_PAGE))
    counter = [0, 32]
    body: list[Clause] = []
    top = 5
    while counter[0] < budget:
        top += 1
        c1 = Clause(f"c{top}", w.title(), 1, [Text(w.requirement())])
        counter[0] += 1
        for i in range(rng.randrange(2, 6)):
            c2 = Clause(f"c{top}.{i + 1}", w.title(), 2)
            kids = rng.choice((0, 0, 2, 3))
            c2.blocks = _leaf_blocks(
                w, rng.randrange(2, 6) if kids else rng.randrange(4, 9), counter
            )
            for j in range(kids):
                c3 = Clause(f"c{top}.{i + 1}.{j + 1}", w.title(), 3)
                c3.blocks = _leaf_blocks(w, rng.randrange(3, 7), counter)
                c2.children.append(c3)
            c1.children.append(c2)
            if counter[0] >= budget:
                break
        body.append(c1)
    annex = [Clause(f"a{i}", w.title(), 1, _leaf_blocks(w, 3, [0, 99])) for i in (1, 2)]
    appendix = [Clause(f"i{i}", w.title(), 1, _leaf_blocks(w, 3, [0, 99])) for i in (1, 2)]
    return Model(body, annex, appendix)


def revise(model: Model, seed: int, pages: int) -> Model:
    """The next revision: edits in ~5% of paragraphs, moves, insertions and deletions."""
    rng = random.Random(seed + 7919)
    w = Writer(rng)
    n = max(1, pages // 60)
    seconds = [c2 for c1 in model.body for c2 in c1.children]
    deleted = [c.key for c in rng.sample(seconds, min(n, len(seconds) - 1))]
    for c1 in model.body:
        c1.children = [c for c in c1.children if c.key not in deleted]
    moved: list[str] = []
    for _ in range(n):
        source = rng.choice([c for c in model.body if len(c.children) > 1])
        clause = source.children.pop(rng.randrange(len(source.children)))
        target = rng.choice([c for c in model.body if c is not source])
        target.children.insert(rng.randrange(len(target.children) + 1), clause)
        moved.append(clause.key)
    inserted: list[str] = []
    for k in range(n):
        parent = rng.choice(model.body)
        clause = Clause(f"new{k + 1}", w.title(), 2, _leaf_blocks(w, 4, [0, 99]))
        parent.children.insert(rng.randrange(len(parent.children) + 1), clause)
        inserted.append(clause.key)
    edited = 0
    for clause in (c for top in model.body for c in top.walk()):
        for i, block in enumerate(clause.blocks):
            if isinstance(block, Text) and block.style == "Normal" and rng.random() < 0.05:
                words = str(block.content).split(" ")
                at = rng.randrange(1, len(words))
                words[at : at + 1] = rng.choice((["configured"], ["selected", "and"], []))
                clause.blocks[i] = Text(" ".join(words))
                edited += 1
    model.changes = {"moved": moved, "inserted": inserted, "deleted": deleted, "edited": edited}
    return model


def flatten(model: Model) -> list[Node]:
    """Body, annex, appendix and bibliography as sample nodes (clauses 1-5 come first)."""
    out: list[Node] = []
    for top in model.body:
        for clause in top.walk():
            out.append(Heading(clause.key, clause.level, clause.title))
            out += clause.blocks
    for letter, clauses in (("A", model.annex), ("I", model.appendix)):
        out.append(Annex(f"annex-{letter}", "Test procedures", appendix=letter == "I"))
        for clause in clauses:
            out.append(Heading(clause.key, clause.level, clause.title))
            out += clause.blocks
    out.append(Bibliography())
    return out


def fixed_clauses(w: Writer) -> list[Node]:
    """Clauses 1 to 5 of every ITU-T Recommendation."""
    terms = [
        Text(f"3.1.{i}\t{w.title().lower()} [b-ITU-T Y.{100 + i}]: {w.requirement()}")
        for i in range(1, 4)
    ]
    defs = [Text(f"3.2.{i}\t{w.title().lower()}: {w.requirement()}") for i in range(1, 6)]
    abbrs = [
        Text(f"{a}\t{e}")
        for a, e in (
            ("API", "Application Programming Interface"),
            ("IP", "Internet Protocol"),
            ("NTP", "Network Time Protocol"),
            ("QoS", "Quality of Service"),
            ("RTP", "Real-time Transport Protocol"),
            ("TLS", "Transport Layer Security"),
            ("AI", "Artificial Intelligence"),
            ("AU", "Action Unit"),
            ("CDN", "Content Delivery Network"),
            ("DNS", "Domain Name System"),
            ("SIP", "Session Initiation Protocol"),
            ("UDP", "User Datagram Protocol"),
            ("URI", "Uniform Resource Identifier"),
        )
    ]
    return [
        Heading("scope", 1, "Scope"),
        Text(w.requirement()),
        Text(w.requirement()),
        Heading("references", 1, "References"),
        Text(
            "The following ITU-T Recommendations and other references contain provisions "
            "which, through reference in this text, constitute provisions of this "
            "Recommendation."
        ),
        Text("[ITU-T H.264]\tRecommendation ITU-T H.264, Advanced video coding.", "Reftext"),
        Text("[IETF RFC 5905]\tIETF RFC 5905, Network Time Protocol Version 4.", "Reftext"),
        Heading("definitions", 1, "Definitions"),
        Heading("defs-elsewhere", 2, "Terms defined elsewhere"),
        *terms,
        Heading("defs-here", 2, "Terms defined in this Recommendation"),
        *defs,
        Heading("abbreviations", 1, "Abbreviations and acronyms"),
        *abbrs,
        Heading("conventions", 1, "Conventions"),
        Text(
            'The keywords "is required to", "is prohibited from", "is recommended", "is '
            'not recommended" and "can optionally" are used as defined in ITU-T A.2.'
        ),
    ]


@dataclass
class Render:
    """State of one rendering: the variant, its random source and its counters."""

    variant: str
    rng: random.Random
    body_paras: int = 0
    tracked: int = 0
    emotion: int = 0
    toc: int = 0
    rsids: list[str] = field(default_factory=list)

    def rsid(self) -> str:
        if len(self.rsids) < 40 or self.rng.random() < 0.02:
            self.rsids.append(f"00{self.rng.randrange(0x100000, 0xFFFFFF):06X}")
        return self.rng.choice(self.rsids)

    def runs(self, text: str, style: str | None, **kw: object) -> P:
        """Word-like noise: 3-8 runs with full rPr and rsids, and a proofErr now and then."""
        words = text.split(" ")
        cuts = sorted(
            self.rng.sample(range(1, len(words)), min(len(words) - 1, self.rng.randrange(2, 8)))
        )
        pieces = [
            " ".join(words[a:b]) + (" " if b < len(words) else "")
            for a, b in zip([0, *cuts], [*cuts, len(words)], strict=True)
        ]
        content: list[object] = []
        for piece in pieces:
            if self.rng.random() < 0.1:
                content.append(Raw('<w:proofErr w:type="spellStart"/>'))
            content.append(
                Run(
                    piece,
                    font="Times New Roman",
                    size=12,
                    lang="en-GB",
                    attrs=(("w:rsidR", self.rsid()),),
                )
            )
        attrs = (("w:rsidR", self.rsid()), ("w:rsidRDefault", self.rsid()))
        return P(content, style=style, attrs=attrs, **kw)  # type: ignore[arg-type]

    def paragraph(self, node: Text) -> P:
        text = str(node.content)
        style = None if node.style == "Normal" else node.style
        if any(e in text for e in EMOTION):
            self.emotion += 1
        if style is None:
            self.body_paras += 1
        extra: list[Content] = []
        long_enough = len(text.split(" ")) > 8
        if style is None and long_enough and self.body_paras % 55 == 20:
            extra.append(FootnoteRef(self.rng.choice(FOOTNOTES)))
        if self.variant == "wordlike":
            para = self.runs(text, style)
            return P([*list(para.content), *extra], style=style, attrs=para.attrs)  # type: ignore[arg-type]
        if style is None and long_enough and self.body_paras % 110 == 50:
            head, _, rest = text.partition(" is ")
            if rest:
                return P(
                    [
                        Comment(
                            head, "Editor's note: please check this requirement.", author="Editor"
                        ),
                        " is ",
                        rest,
                        *extra,
                    ]
                )
        if self.variant == "tracked" and style is None and long_enough and self.rng.random() < 0.05:
            self.tracked += 1
            words = text.split(" ")
            at = self.rng.randrange(1, len(words) - 1)
            old = " ".join(words[at : at + 2])
            before, after = " ".join(words[:at]) + " ", " " + " ".join(words[at + 2 :])
            return P(
                [before, Del(old), Ins(self.rng.choice(("configured", "selected"))), after, *extra]
            )
        return P([text, *extra], style=style)

    def heading(self, node: Heading, number: str, in_annex: bool) -> P:
        style = f"Heading{node.level}"
        if self.variant == "autonum":
            if in_annex:  # numId 0 switches the style's numbering off
                return P(f"{number}\t{node.title}", style=style, num=(0, 0))
            return P(str(node.title), style=style)
        if self.variant == "tracked" and node.level >= 2 and self.rng.random() < 0.06:
            *head, last = number.split(".")
            if last.isdigit():
                self.tracked += 1
                wrong = ".".join([*head, str(int(last) + 1)])
                return P([Del(wrong), Ins(number), f"\t{node.title}"], style=style)
        if self.variant == "wordlike":
            self.toc += 1
            para = self.runs(f"{number}\t{node.title}", style)
            return P(
                Bookmark(f"_Toc{100000 + self.toc}", list(para.content)),  # type: ignore[arg-type]
                style=style,
                attrs=para.attrs,
            )
        return P(f"{number}\t{node.title}", style=style)


def _cover(doc: DocxBuilder, pages: int, variant: str) -> None:
    bold = RunFormat(bold=True)
    doc.table(
        [
            [Cell(P("Question(s):", run=bold)), "12/16", Cell(P("Geneva, 2026", align="right"))],
            [Cell(P("Source:", run=bold)), Cell("Editors (synthetic benchmark draft)", span=2)],
            [
                Cell(P("Title:", run=bold)),
                Cell(f"Draft new Recommendation ITU-T F.BENCH ({pages} pages, {variant})", span=2),
            ],
            [
                Cell(P("Contact:", run=bold)),
                "Editor\nExample Org\nExamplia",
                "Email: editor@example.org",
            ],
        ],
        widths=(1600, 4000, 4038),
    )
    doc.p("Draft new Recommendation ITU-T F.BENCH", style="RecNo")
    doc.p("Synthetic draft for parser benchmarks", style="Rectitle")
    doc.p("Summary", style="Headingb")
    doc.p(
        "This synthetic draft is generated for benchmarks of stdcomment. Its text is "
        "fictional and repetitive."
    )
    doc.p("Keywords", style="Headingb")
    doc.p("Benchmark, synthetic draft, test.")
    doc.p("Introduction", style="Headingb")
    for _ in range(4):
        doc.p(
            "Networks carry an increasing share of real-time media, and operators need "
            "common requirements for the functions that control it. This Recommendation "
            "collects such requirements; the text is generated and has no technical "
            "meaning beyond exercising a document reader."
        )


def generate_with_truth(pages: int, variant: str, seed: int = 0) -> tuple[bytes, dict[str, object]]:
    """Return the .docx bytes and the ground truth of a synthetic draft."""
    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {VARIANTS}")
    if pages < 5:
        raise ValueError("pages must be at least 5")
    model = build_model(pages, seed)
    if variant == "v2":
        model = revise(model, seed, pages)
    nodes = fixed_clauses(Writer(random.Random(seed + 1))) + flatten(model)
    nodes.append(Text("[b-ITU-T Y.101]\tRecommendation ITU-T Y.101, Terminology.", "Reftext"))
    state = Render(variant, random.Random(seed + 2))
    doc = DocxBuilder(
        title=f"Synthetic draft, {pages} pages ({variant})", track_revisions=variant == "tracked"
    )
    itu_t_styles(doc, autonumber=variant == "autonum")
    _cover(doc, pages, variant)
    headings: list[dict[str, object]] = []
    prefix = ""
    for node, number in walk(nodes):
        if isinstance(node, Heading):
            doc.add(state.heading(node, number, bool(prefix)))
            level = node.level + (1 if prefix else 0)
            kind = "body" if not prefix else "appendix" if prefix == "I" else "annex"
            headings.append(
                {
                    "key": node.key,
                    "number": number,
                    "title": str(node.title),
                    "level": level,
                    "kind": kind,
                }
            )
        elif isinstance(node, Annex):
            prefix = number
            word = "Appendix" if node.appendix else "Annex"
            doc.p(
                [f"{word} {number}", Br(), Br(), node.title],
                style="AppendixNotitle" if node.appendix else "AnnexNoTitle",
            )
            status = "does not form" if node.appendix else "forms"
            doc.p(
                f"(This {word.lower()} {status} an integral part of this Recommendation.)",
                style="Appendixref" if node.appendix else "Annexref",
            )
            headings.append(
                {
                    "key": node.key,
                    "number": number,
                    "title": node.title,
                    "level": 1,
                    "kind": word.lower(),
                }
            )
        elif isinstance(node, Bibliography):
            prefix = ""
            doc.p("Bibliography", style="AppendixNotitle")
            headings.append(
                {
                    "key": "bibliography",
                    "number": "",
                    "title": "Bibliography",
                    "level": 1,
                    "kind": "bibliography",
                }
            )
        elif isinstance(node, TableNode):
            doc.p(f"Table {number} \u2013 {node.caption}", style="TableNoTitle")
            doc.table(
                [list(node.head), *[list(r) for r in node.rows]],
                head_rows=1,
                head_style="Tablehead",
                cell_style="Tabletext",
                widths=(4000, 3000, 2638),
            )
        elif isinstance(node, Text):
            doc.add(state.paragraph(node))
    doc.rsids = sorted(set(state.rsids))
    doc.section = Section(
        header="SG16-TD999/WP2 (synthetic)",
        footer=[P(Field("PAGE", "1"), style="Footer", align="center")],
    )
    parts = doc.parts()
    xml = parts["word/document.xml"]
    truth: dict[str, object] = {
        "pages": pages,
        "variant": variant,
        "seed": seed,
        "paragraphs": xml.count(b"<w:p>") + xml.count(b"<w:p ") + xml.count(b"<w:p/>"),
        "headings": headings,
        "emotion_paragraphs": state.emotion,
        "tracked_paragraphs": state.tracked,
        "changes": model.changes,
    }
    return write_package(parts), truth


def generate(pages: int, variant: str, seed: int = 0) -> bytes:
    """Return the .docx bytes of a synthetic draft of about `pages` pages."""
    return generate_with_truth(pages, variant, seed)[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write synthetic benchmark drafts.")
    parser.add_argument("out", type=Path, help="output folder")
    parser.add_argument("--pages", type=int, nargs="+", default=[20, 100, 400])
    parser.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=VARIANTS)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for pages in args.pages:
        for variant in args.variants:
            data, truth = generate_with_truth(pages, variant, args.seed)
            stem = f"draft-{pages}p-{variant}"
            (args.out / f"{stem}.docx").write_bytes(data)
            text = json.dumps(truth, indent=1, ensure_ascii=False) + "\n"
            (args.out / f"{stem}.truth.json").write_text(text, encoding="utf-8")
            print(f"{stem}.docx  {len(data):,} bytes, {truth['paragraphs']} paragraphs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
