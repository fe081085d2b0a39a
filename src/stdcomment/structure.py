"""Flat blocks -> the clause tree (the second stage of every reader; a pure function).

Every clause number is fixed here, once: downstream code (scan, diff, writers) only reads
`Clause.number`. The pass is driven by a body profile (`clauses/*.toml`).

What makes a heading, in order:
  1. "Annex A", "Appendix I", "Bibliography" by their text (with Word's number label, if any),
     when the paragraph is a heading, an annex title style, bold, or the name stands alone;
  2. a paragraph in a heading style (by name, through `basedOn`) or with an outline level:
     its number is Word's automatic label when there is one, else the typed prefix
     ("6.2.1<TAB>Title"), else none;
  3. a short bold paragraph starting with a typed clause number (direct formatting);
  4. before the first numbered clause, unnumbered front-matter headings (Summary, Keywords,
     Introduction in `Heading_b`) and a standalone "Table of Contents" line.
Clause levels come from the number ("6.2.1" is level 3, "A.2" level 2) and, for unnumbered
headings, from the style. A numbered clause nests under the open clause its number extends.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from .flat import FlatBlock
from .model import (
    Abbreviation,
    Block,
    BlockKind,
    Clause,
    ClauseKind,
    Definition,
    Location,
    NumberSource,
    Requirement,
)
from .profiles import Profile
from .requirements import requirement_in

_SEPARATORS = " \t\n\u00a0–—-:."
_INTEGRAL_PART = re.compile(
    r"\(\s*this (annex|appendix) (does not form|forms) an integral part[^)]*\)\s*", re.I
)
_SPACES = re.compile(r"[ \t\u00a0]+")
_LEVEL_DEPTH = re.compile(r"[.]")
_CONTENTS = re.compile(r"^(table of contents|contents|table des matières)$", re.I)


@dataclass
class _Heading:
    number: str
    title: str
    level: int
    source: NumberSource
    kind: ClauseKind | None = None
    normative: bool | None = None
    block: FlatBlock | None = None
    front: bool = False  # a front-matter heading style (Heading_b, IEEE front-matter levels)


@dataclass
class _Open:
    """A clause under construction."""

    heading: _Heading
    kind: ClauseKind
    normative: bool
    blocks: list[Block] = field(default_factory=list)
    children: list[_Open] = field(default_factory=list)

    @property
    def level(self) -> int:
        return self.heading.level

    def freeze(self) -> Clause:
        block = self.heading.block
        return Clause(
            number=self.heading.number,
            title=self.heading.title,
            level=self.heading.level,
            kind=self.kind,
            normative=self.normative,
            number_source=self.heading.source,
            location=block.location if block is not None else None,
            heading_revision=block.revision if block is not None else None,
            blocks=tuple(self.blocks),
            children=tuple(child.freeze() for child in self.children),
        )


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def _depth(number: str) -> int:
    return len(_LEVEL_DEPTH.findall(number.rstrip(".)"))) + 1


@dataclass(frozen=True, slots=True)
class _StyleClass:
    """What a style chain means to the profile (computed once per distinct chain)."""

    level: int | None
    title: bool
    annex: bool
    unnumbered: bool
    note: bool
    caption: bool
    equation: bool
    code: bool
    reference: bool  # the style itself
    reference_family: bool  # the style or its parent
    listing: bool


def _classify(chain: tuple[str, ...], p: Profile) -> _StyleClass:
    level = None
    for name in chain:
        for pattern in p.level_styles:
            match = pattern.search(name)
            if match:
                try:
                    level = int(match.group(1))
                except (IndexError, ValueError):
                    level = 1
                break
        if level is not None:
            break
    first, two = chain[:1], chain[:2]
    return _StyleClass(
        level=level,
        title=p.style_matches(p.title_styles, first),
        annex=p.style_matches(p.annex_styles, chain),
        unnumbered=p.style_matches(p.unnumbered_styles, first),
        note=p.style_matches(p.note_styles, two),
        caption=p.style_matches(p.caption_styles, two),
        equation=p.style_matches(p.equation_styles, first),
        code=p.style_matches(p.code_styles, first),
        reference=p.style_matches(p.reference_styles, first),
        reference_family=p.style_matches(p.reference_styles, two),
        listing=p.style_matches(p.list_styles, two),
    )


class StructureBuilder:
    """Nest flat blocks into clauses for one profile."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.warnings: list[str] = []
        self.body_started = False
        self._classes: dict[tuple[str, ...], _StyleClass] = {}

    def style_class(self, chain: tuple[str, ...]) -> _StyleClass:
        """Return what style `chain` means to the profile (cached)."""
        found = self._classes.get(chain)
        if found is None:
            found = self._classes[chain] = _classify(chain, self.profile)
        return found

    # -- headings ---------------------------------------------------------------------------

    def heading(self, block: FlatBlock) -> _Heading | None:
        """Return the heading `block` is, or None when it is content."""
        if block.is_table:
            return None
        p = self.profile
        text = block.text.strip(" \t\n\u00a0")
        label = "" if block.auto_bullet else block.auto_label.strip()
        if not text and not label:
            return None
        style = self.style_class(block.style_chain)
        if style.title:
            return None
        style_level = style.level
        if style_level is None and block.outline_level is not None:
            style_level = block.outline_level + 1
        annex_style = style.annex
        unnumbered_style = style.unnumbered
        heading_style = style_level is not None and not unnumbered_style
        words = len(text.split())
        full = f"{label} {text}".strip() if label else text

        special = self._annex(full, block, heading_style or annex_style, words)
        if special is not None:
            return special
        if not self.body_started and not label and _CONTENTS.match(text):
            # ITU-T drafts set "Table of Contents" as a centred Normal paragraph; a reader
            # sees a heading, not the last line of Keywords.
            return _Heading("", _clean(text), 1, NumberSource.NONE, block=block, front=True)
        if p.article is not None and words <= 20 and not label:
            article = p.article.match(text)
            title = _clean(article.group("title") or "") if article else ""
            if article and (not title or _is_title_line(title)):
                return _Heading(
                    f"Article {article.group('id')}",
                    title,
                    ARTICLE_LEVEL,
                    NumberSource.TYPED,
                    ClauseKind.BODY,
                    block=block,
                )
        if words > p.max_words and not label:
            return None

        if heading_style or annex_style:
            return self._numbered(block, text, label, style_level or 1, words)
        if unnumbered_style:
            if self.body_started or words > p.direct_max_words:
                return None
            return _Heading("", _clean(text), 1, NumberSource.NONE, block=block, front=True)
        if (
            p.direct_formatting
            and block.bold
            and not block.auto_label
            and words <= p.direct_max_words
            and not text.rstrip().endswith((".", ";", ",", ":"))
        ):
            number, title = self._typed(text)
            if number and title and title[:1].isupper():
                return _Heading(
                    number, _clean(title), _depth(number), NumberSource.TYPED, block=block
                )
        return None

    def _annex(self, full: str, block: FlatBlock, styled: bool, words: int) -> _Heading | None:
        if words > 40:  # an annex title line is short; "Bibliography" is one word
            return None
        p = self.profile
        flat = _clean(full)
        if p.bibliography.match(flat):
            return _Heading("", flat, 1, NumberSource.NONE, ClauseKind.BIBLIOGRAPHY, False, block)
        for pattern, kind in ((p.annex, ClauseKind.ANNEX), (p.appendix, ClauseKind.APPENDIX)):
            match = pattern.match(full.lstrip())
            if match is None:
                continue
            rest = full.lstrip()[match.end() :]
            standalone = not rest.strip() or rest[:1] in "\n\t" or rest.lstrip(" ")[:1] in "–—-:("
            if not (styled or block.bold or standalone):
                continue
            if not (styled or standalone):
                continue
            normative: bool | None = kind == ClauseKind.ANNEX
            if p.informative.search(rest):
                normative = False
            elif p.normative.search(rest):
                normative = True
            if kind == ClauseKind.APPENDIX:
                normative = False
            rest = _INTEGRAL_PART.sub(" ", rest)
            rest = p.informative.sub(" ", p.normative.sub(" ", rest))
            title = _clean(rest).strip(_SEPARATORS)
            source = (
                NumberSource.AUTO
                if block.auto_label and not block.auto_bullet
                else NumberSource.TYPED
            )
            return _Heading(match.group("id"), title, 1, source, kind, normative, block)
        return None

    def _typed(self, text: str) -> tuple[str, str]:
        p = self.profile
        stripped = text.lstrip(" \t\u00a0")
        for pattern in (p.annex_clause_number, p.appendix_clause_number, p.clause_number):
            match = pattern.match(stripped)
            if match:
                return match.group("number"), stripped[match.end() :].strip(" \t\u00a0")
        return "", text

    def _numbered(
        self, block: FlatBlock, text: str, label: str, style_level: int, words: int
    ) -> _Heading | None:
        if label:
            number, rest = self._typed(label)
            if not number or rest:
                number = label.rstrip(".:) ").strip()
            typed, title = self._typed(text)
            if typed and typed != number:
                self.warnings.append(
                    f"{block.location.describe()}: heading shows number {number!r} from Word "
                    f"numbering and {typed!r} typed in its text"
                )
                title = text
            elif not typed:
                title = text
            level = _depth(number) if _NUMERIC.match(number) else (block.auto_level or 0) + 1
            if not _NUMERIC.match(number) and style_level:
                level = style_level
            return _Heading(number, _clean(title), level, NumberSource.AUTO, block=block)
        number, title = self._typed(text)
        if number:
            return _Heading(number, _clean(title), _depth(number), NumberSource.TYPED, block=block)
        if words > self.profile.direct_max_words + 10:
            return None
        front = not self.body_started and not block.style_chain  # PDF: no styles, front matter
        return _Heading("", _clean(text), style_level, NumberSource.NONE, block=block, front=front)

    # -- blocks -----------------------------------------------------------------------------

    def block(self, fb: FlatBlock, clause_kind: ClauseKind, informative: bool) -> Block | None:
        """Return the model block for content `fb` inside a clause of `clause_kind`."""
        p = self.profile
        if fb.is_table:
            if not fb.text.strip() and fb.table is not None and not fb.table.rows:
                return None
            strength, keyword = requirement_in(fb.text, p)
            return Block(
                kind=BlockKind.TABLE,
                text=fb.text,
                location=fb.location,
                style="table",
                requirement=strength,
                requirement_keyword=keyword,
                informative=informative,
                revision=fb.revision,
                table=fb.table,
            )
        text = fb.text.strip(" \t\n\u00a0")
        if not text and not fb.auto_label:
            return None
        style = self.style_class(fb.style_chain)
        kind = BlockKind.PARAGRAPH
        label = ""
        definition: Definition | None = None
        abbreviation: Abbreviation | None = None
        note = p.note_text.match(text)
        example = p.example_text.match(text)
        list_marker = p.list_marker.match(text)
        if note or example or style.note:
            kind = BlockKind.NOTE
            matched = note or example
            if matched:
                label, text = matched.group("label"), text[matched.end() :]
            else:
                label = "NOTE"
            informative = True
        elif style.caption or (p.caption_text.match(text) and len(text.split()) <= 30):
            kind = BlockKind.CAPTION
            caption = p.caption_text.match(text)
            if caption:
                label = caption.group("label")
        elif style.equation:
            kind = BlockKind.EQUATION
        elif style.code:
            kind = BlockKind.CODE
        elif clause_kind == ClauseKind.DEFINITIONS and (match := self._definition(fb, text)):
            kind, definition = BlockKind.DEFINITION, match
        elif clause_kind == ClauseKind.ABBREVIATIONS and (found := p.abbreviation.match(text)):
            kind = BlockKind.ABBREVIATION
            abbreviation = Abbreviation(
                found.group("abbreviation"), _clean(found.group("expansion"))
            )
        elif (
            clause_kind in (ClauseKind.REFERENCES, ClauseKind.BIBLIOGRAPHY)
            and (text.startswith("[") or style.reference_family)
        ) or style.reference:
            kind = BlockKind.REFERENCE
        elif list_marker or (fb.auto_label and not fb.outline_level) or style.listing:
            kind = BlockKind.LIST_ITEM
            if fb.auto_label:
                label = fb.auto_label
            if list_marker:
                label = label or list_marker.group("label")
                if not fb.auto_label:
                    text = text[list_marker.end() :]
        if kind != BlockKind.LIST_ITEM and fb.auto_label and not label:
            label = fb.auto_label
        strength, keyword = requirement_in(text, p)
        rid = p.requirement_id.search(text)
        return Block(
            kind=kind,
            text=text,
            location=fb.location,
            style=fb.style_name,
            label=label,
            requirement=strength,
            requirement_keyword=keyword,
            informative=informative,
            requirement_id=rid.group("id") if rid else "",
            revision=fb.revision,
            definition=definition,
            abbreviation=abbreviation,
            footnotes=fb.footnotes,
            annotations=fb.annotations,
        )

    def _definition(self, fb: FlatBlock, text: str) -> Definition | None:
        p = self.profile
        match = p.definition.match(text)
        if match:
            return Definition(
                match.group("number"),
                _clean(match.group("term")),
                _clean(match.group("reference") or ""),
                _clean(match.group("text")),
            )
        loose = p.definition_unnumbered.match(text)
        if loose and len(loose.group("term").split()) <= 8:
            return Definition(
                fb.auto_label.rstrip("."),
                _clean(loose.group("term")),
                _clean(loose.group("reference") or ""),
                _clean(loose.group("text")),
            )
        return None

    # -- nesting ----------------------------------------------------------------------------

    def kind_of(self, heading: _Heading, parent: _Open | None) -> ClauseKind:
        """Return the kind of a clause from its heading and its parent."""
        if heading.kind is not None:
            return heading.kind
        if parent is not None and parent.kind in (ClauseKind.ANNEX, ClauseKind.APPENDIX):
            return parent.kind
        title = heading.title.lower()
        for kind, pattern in self.profile.kinds:
            if pattern.search(title):
                if kind == ClauseKind.FRONT and (heading.number or self.body_started):
                    continue
                return kind
        if parent is not None and parent.kind in (
            ClauseKind.DEFINITIONS,
            ClauseKind.ABBREVIATIONS,
            ClauseKind.REFERENCES,
            ClauseKind.BIBLIOGRAPHY,
            ClauseKind.FRONT,
        ):
            return parent.kind
        if heading.front:
            return ClauseKind.FRONT
        return ClauseKind.BODY

    def build(self, blocks: Iterable[FlatBlock]) -> tuple[Clause, ...]:
        """Return the clause tree of `blocks` (in document order)."""
        roots: list[_Open] = []
        stack: list[_Open] = []
        preamble: _Open | None = None
        untitled: _Open | None = None  # an article waiting for its title line
        for fb in blocks:
            heading = self.heading(fb)
            if heading is None and untitled is not None and not fb.is_table:
                line = _clean(fb.text)
                if line:
                    if _is_title_line(line) and not fb.auto_label:
                        untitled.heading.title = line
                        untitled = None
                        continue
                    untitled = None
            if heading is None:
                target = stack[-1] if stack else None
                title_page = self.style_class(fb.style_chain).title
                if target is None or (title_page and not self.body_started):
                    if preamble is None:
                        preamble = _Open(
                            _Heading("", "", 1, NumberSource.NONE), ClauseKind.FRONT, False
                        )
                        roots.insert(0, preamble)
                    target = preamble
                informative = not target.normative
                block = self.block(fb, target.kind, informative)
                if block is not None:
                    target.blocks.append(block)
                    self._integral_part(target, block)
                continue
            while stack and stack[-1].level >= heading.level:
                stack.pop()
            if heading.number and heading.kind is None:
                # leave every open clause down to the nearest numbered one this number does
                # not extend ("6.2.9" after "3 Definitions" and an unnumbered separator)
                while stack:
                    numbered = [i for i, node in enumerate(stack) if node.heading.number]
                    if not numbered or _extends(heading.number, stack[numbered[-1]].heading.number):
                        break
                    del stack[numbered[-1] :]
            parent = stack[-1] if stack else None
            kind = self.kind_of(heading, parent)
            if kind != ClauseKind.FRONT:
                self.body_started = True
            normative = heading.normative
            if normative is None:
                normative = (
                    parent.normative
                    if parent is not None
                    else kind
                    not in (ClauseKind.FRONT, ClauseKind.BIBLIOGRAPHY, ClauseKind.APPENDIX)
                )
            node = _Open(heading, kind, normative)
            (parent.children if parent is not None else roots).append(node)
            stack.append(node)
            untitled = node if heading.level == ARTICLE_LEVEL and not heading.title else None
        return tuple(node.freeze() for node in roots)

    def _integral_part(self, clause: _Open, block: Block) -> None:
        """Read "(This annex forms an integral part…)" as the annex's normative status."""
        if clause.kind not in (ClauseKind.ANNEX, ClauseKind.APPENDIX) or len(clause.blocks) > 2:
            return
        match = _INTEGRAL_PART.search(block.text)
        if match:
            clause.normative = match.group(2).lower() == "forms"
            if not clause.normative:
                index = clause.blocks.index(block)
                clause.blocks[index] = _with_informative(block)


ARTICLE_LEVEL = 9  # articles nest under whatever Title/Chapter/Section heading is open

_NUMERIC = re.compile(r"^(?:\d+(?:bis|ter)?|[A-Z]|[IVXL]+)(?:\.\d+(?:bis|ter)?)*\)?$")


def _is_title_line(line: str) -> bool:
    """Whether `line` reads as a title (short, no sentence punctuation at the end)."""
    return (
        len(line.split()) <= 15
        and not line.endswith((".", ":", ";", ","))
        and not (line[:1].isdigit() or line.startswith("("))
    )


def _extends(number: str, parent: str) -> bool:
    """Whether clause `number` can sit under `parent` ("6.2" under "6", "A.1" under "A")."""
    return number.startswith(parent.rstrip(")") + ".")


def _with_informative(block: Block) -> Block:
    return replace(block, informative=True)


def build_clauses(
    blocks: Sequence[FlatBlock], profile: Profile
) -> tuple[tuple[Clause, ...], list[str]]:
    """Return the clause tree of `blocks` and the warnings met while building it."""
    builder = StructureBuilder(profile)
    clauses = builder.build(blocks)
    return clauses, builder.warnings


# -- flattening: the inverse of `build_clauses`, for round trips and rebuilt documents -------


def heading_text(clause: Clause) -> str:
    """Return the text of `clause`'s heading paragraph ("6.2\tTitle", "Annex A\n\nTitle")."""
    if clause.kind == ClauseKind.ANNEX and clause.number and "." not in clause.number:
        status = "" if clause.normative else " (informative)"
        return f"Annex {clause.number}{status}\n\n{clause.title}".rstrip()
    if clause.kind == ClauseKind.APPENDIX and clause.number and "." not in clause.number:
        return f"Appendix {clause.number}\n\n{clause.title}".rstrip()
    if clause.number:
        return f"{clause.number}\t{clause.title}"
    return clause.title


def block_text(block: Block) -> str:
    """Return the paragraph text that reads back as `block` (labels put back in front)."""
    if block.kind == BlockKind.NOTE and block.label:
        return f"{block.label} – {block.text}"
    if block.kind == BlockKind.LIST_ITEM and block.label:
        return f"{block.label}\t{block.text}"
    return block.text


def flatten(clauses: Sequence[Clause]) -> list[FlatBlock]:
    """Return flat blocks that `build_clauses` nests back into `clauses`.

    Headings come out typed, in a `heading N` style (front matter in `Heading_b`), so the
    result does not depend on Word numbering.
    """
    out: list[FlatBlock] = []
    for clause in clauses:
        out.extend(_flatten(clause))
    return out


def _flatten(clause: Clause) -> Iterator[FlatBlock]:
    if clause.title or clause.number:
        location = clause.location or Location(-1)
        if clause.kind in (ClauseKind.ANNEX, ClauseKind.APPENDIX) and "." not in clause.number:
            style = ("annex_notitle",)
        elif clause.kind == ClauseKind.BIBLIOGRAPHY:
            style = ("appendix_notitle",)
        elif not clause.number:
            style = (
                ("heading_b",) if clause.kind == ClauseKind.FRONT else (f"heading {clause.level}",)
            )
        else:
            style = (f"heading {min(clause.level, 9)}",)
        yield FlatBlock(
            text=heading_text(clause),
            location=location,
            style_name=style[0],
            style_chain=style,
            revision=clause.heading_revision,
        )
    for block in clause.blocks:
        yield FlatBlock(
            text=block_text(block),
            location=block.location,
            style_name=block.style,
            style_chain=(block.style.lower(),) if block.style else (),
            revision=block.revision,
            table=block.table,
            footnotes=block.footnotes,
            annotations=block.annotations,
        )
    for child in clause.children:
        yield from _flatten(child)


__all__ = [
    "Requirement",
    "StructureBuilder",
    "block_text",
    "build_clauses",
    "flatten",
    "heading_text",
]
