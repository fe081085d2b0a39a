"""Measure the scan against labelled drafts: precision, recall and F1, overall and per position.

A labels file (TOML) names one draft and, for the clauses a careful human-rights reviewer
would flag, the positions that are `required` (certainly flagged) and `acceptable`
(defensible extras). Every other clause of the draft was reviewed too and carries no concern.

    document = "corpus:eu-ai-act-drafts/2021-04-21-AIA-COM-Proposal-21-April-21.docx"
    kind = "positive"            # positive | near-miss | negative
    [[clause]]
    clause = "Article 5"         # the clause number, or the title of an unnumbered clause
    required = ["emotion-inference"]
    acceptable = ["privacy"]

`corpus:` paths are read from the shared corpus folder (`STDCOMMENT_CORPUS`, default
`../shared/corpus` beside the repository), `repo:` paths from the repository; other paths are
relative to the labels file. A finding counts as correct when its position is required or
acceptable for its clause; recall counts the required pairs found.
"""

from __future__ import annotations

import os
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .findings import ScanResult
from .model import Body, Draft
from .readers import read_draft
from .scan import DEFAULT_MIN_SCORE, Scanner, scanned

KINDS = ("positive", "near-miss", "negative")
_CLAUSE_KEYS = {"clause", "title", "required", "acceptable", "note"}
_TOP_KEYS = {"document", "kind", "genre", "body", "note", "clause", "source", "licence"}
GENRES = (
    "sdk-docs",
    "readme",
    "model-card",
    "standard",
    "statute",
    "procurement",
    "product",
    "policy",
)


@dataclass(frozen=True)
class ClauseLabel:
    """The positions a reviewer flags for one clause."""

    clause: str
    required: frozenset[str]
    acceptable: frozenset[str]
    line: int = 0


@dataclass(frozen=True)
class DocumentLabels:
    """The labels of one draft."""

    path: Path  # the labels file
    document: Path  # the draft
    kind: str
    body: Body | None
    clauses: tuple[ClauseLabel, ...]
    genre: str = "standard"


@dataclass
class Counts:
    """Counts for precision and recall."""

    found: int = 0  # findings reported
    correct: int = 0  # findings whose position is required or acceptable there
    required: int = 0  # required pairs
    recalled: int = 0  # required pairs found

    def add(self, other: Counts) -> None:
        """Add `other` to these counts."""
        self.found += other.found
        self.correct += other.correct
        self.required += other.required
        self.recalled += other.recalled

    @property
    def precision(self) -> float:
        """Correct findings / findings (1.0 when nothing was found)."""
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        """Required pairs found / required pairs (1.0 when nothing was required)."""
        return self.recalled / self.required if self.required else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DocumentResult:
    """What the scan got right and wrong on one labelled draft."""

    labels: DocumentLabels
    clauses: int = 0
    counts: Counts = field(default_factory=Counts)
    per_position: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    false_positives: list[tuple[str, str, float]] = field(default_factory=list)
    false_negatives: list[tuple[str, str]] = field(default_factory=list)
    unknown_clauses: list[str] = field(default_factory=list)
    skipped: str = ""


@dataclass
class EvaluationReport:
    """All documents, with totals."""

    documents: list[DocumentResult]
    min_score: float

    def total(self) -> Counts:
        """Micro-averaged counts over every document."""
        total = Counts()
        for doc in self.documents:
            total.add(doc.counts)
        return total

    def per_position(self) -> dict[str, Counts]:
        """Counts per position over every document."""
        merged: dict[str, Counts] = defaultdict(Counts)
        for doc in self.documents:
            for position, counts in doc.per_position.items():
                merged[position].add(counts)
        return dict(sorted(merged.items()))

    def per_group(self, key: str) -> dict[str, tuple[int, Counts]]:
        """Documents and counts per `genre` or `kind` of document."""
        merged: dict[str, tuple[int, Counts]] = {}
        for doc in self.documents:
            if doc.skipped:
                continue
            name = getattr(doc.labels, key)
            count, counts = merged.get(name, (0, Counts()))
            counts.add(doc.counts)
            merged[name] = (count + 1, counts)
        return dict(sorted(merged.items()))

    def negative_findings(self) -> int:
        """Findings reported on documents labelled negative."""
        return sum(d.counts.found for d in self.documents if d.labels.kind == "negative")

    def labelled_clauses(self) -> int:
        """Clauses reviewed (every scanned clause of every evaluated document)."""
        return sum(d.clauses for d in self.documents if not d.skipped)


def corpus_dir() -> Path:
    """Return the shared corpus folder."""
    default = Path(__file__).resolve().parents[3] / "shared" / "corpus"
    return Path(os.environ.get("STDCOMMENT_CORPUS", default))


def _resolve(reference: str, labels_file: Path) -> Path:
    if reference.startswith("corpus:"):
        return corpus_dir() / reference[len("corpus:") :]
    if reference.startswith("repo:"):
        return Path(__file__).resolve().parents[2] / reference[len("repo:") :]
    return (labels_file.parent / reference).resolve()


def _line_of(text: str, needle: str, start: int = 0) -> int:
    index = text.find(needle, start)
    return text.count("\n", 0, index) + 1 if index >= 0 else 0


def load_labels(path: Path, known_positions: Iterable[str] = ()) -> DocumentLabels:
    """Read and check one labels file."""
    raw = path.read_text(encoding="utf-8")
    try:
        data: dict[str, Any] = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(path, f"invalid TOML: {exc}") from None
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise InputError(path, f"unknown keys: {', '.join(sorted(unknown))}")
    if "document" not in data:
        raise InputError(path, "missing `document`")
    kind = str(data.get("kind", "positive"))
    if kind not in KINDS:
        raise InputError(path, f"kind must be one of {', '.join(KINDS)}")
    known = set(known_positions)
    clauses: list[ClauseLabel] = []
    cursor = 0
    seen: set[str] = set()
    for entry in data.get("clause", []):
        extra = set(entry) - _CLAUSE_KEYS
        name = str(entry.get("clause", ""))
        line = _line_of(raw, f'"{name}"', cursor)
        if line:
            cursor = raw.find(f'"{name}"', cursor) + 1
        if extra:
            raise InputError(path, f"unknown clause keys: {', '.join(sorted(extra))}", line=line)
        if not name:
            raise InputError(path, "a [[clause]] without `clause`", line=line)
        if name in seen:
            raise InputError(path, f"clause {name!r} labelled twice", line=line)
        seen.add(name)
        required = frozenset(entry.get("required", []))
        acceptable = frozenset(entry.get("acceptable", [])) - required
        if known:
            bad = sorted((required | acceptable) - known)
            if bad:
                raise InputError(path, f"unknown position(s) {', '.join(bad)}", line=line)
        clauses.append(ClauseLabel(name, required, acceptable, line))
    body = Body(data["body"]) if data.get("body") else None
    genre = str(data.get("genre", "standard"))
    if genre not in GENRES:
        raise InputError(
            path, f"genre must be one of {', '.join(GENRES)}", line=_line_of(raw, "genre")
        )
    return DocumentLabels(
        path, _resolve(str(data["document"]), path), kind, body, tuple(clauses), genre
    )


def clause_ids(draft: Draft) -> list[str]:
    """Return the identifiers labels use for the scanned clauses of `draft`."""
    return [c.number or c.title for c in draft.walk() if scanned(c)]


def _heading_aliases(ids: Sequence[str]) -> dict[str, str]:
    """Map the title of an unnumbered clause to its first word when that is an identifier.

    A heading such as "2721.a (a) In General" carries an identifier the profiles do not read
    as a clause number; labels may name it "2721.a". Only first words that no other clause
    shares become aliases.
    """
    firsts: dict[str, list[str]] = defaultdict(list)
    for ident in ids:
        first = ident.split(maxsplit=1)[0] if " " in ident else ""
        if first and any(ch.isdigit() for ch in first):
            firsts[first].append(ident)
    known = set(ids)
    out: dict[str, str] = {}
    for first, owners in firsts.items():
        if len(owners) == 1 and first not in known:
            out[owners[0]] = first
    return out


def evaluate_document(
    labels: DocumentLabels, scanner: Scanner, *, min_score: float = DEFAULT_MIN_SCORE
) -> DocumentResult:
    """Scan one labelled draft and compare with its labels."""
    result = DocumentResult(labels)
    if not labels.document.exists():
        result.skipped = f"{labels.document} not available"
        return result
    draft = read_draft(labels.document, body=labels.body)
    scanned: ScanResult = scanner.scan(draft, min_score=min_score)
    ids = clause_ids(draft)
    result.clauses = len(ids)
    aliases = _heading_aliases(ids)
    known = set(ids) | set(aliases.values())
    by_clause = {aliases.get(label.clause, label.clause): label for label in labels.clauses}
    result.unknown_clauses = [name for name in by_clause if name not in known]
    predicted: dict[tuple[str, str], float] = {}
    for finding in scanned.findings:
        name = finding.clause_number or finding.clause_title
        key = (aliases.get(name, name), finding.position_id)
        predicted[key] = max(predicted.get(key, 0.0), finding.score)
    for (clause, position), score in sorted(predicted.items()):
        label = by_clause.get(clause)
        counts = result.per_position[position]
        counts.found += 1
        result.counts.found += 1
        if label is not None and (position in label.required or position in label.acceptable):
            counts.correct += 1
            result.counts.correct += 1
        else:
            result.false_positives.append((clause, position, score))
    for name, label in by_clause.items():
        for position in sorted(label.required):
            counts = result.per_position[position]
            counts.required += 1
            result.counts.required += 1
            if (name, position) in predicted:
                counts.recalled += 1
                result.counts.recalled += 1
            else:
                result.false_negatives.append((name, position))
    return result


def label_files(paths: Sequence[Path]) -> list[Path]:
    """Return the labels files named by `paths` (folders give their *.toml, sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.glob("*.toml")))
        elif path.exists():
            found.append(path)
        else:
            raise InputError(path, "no such labels file or folder")
    return found


def evaluate(
    paths: Sequence[Path], scanner: Scanner, *, min_score: float = DEFAULT_MIN_SCORE
) -> EvaluationReport:
    """Evaluate the scanner on every labels file under `paths`."""
    known = [p.id for p in scanner.positions]
    documents = [
        evaluate_document(load_labels(path, known), scanner, min_score=min_score)
        for path in label_files(paths)
    ]
    return EvaluationReport(documents, min_score)


def render_report(report: EvaluationReport, *, details: bool = False, by_kind: bool = False) -> str:
    """Return the evaluation as a readable table."""
    lines = [f"Evaluation at min-score {report.min_score:g}", ""]
    lines.append(f"{'document':<48} {'kind':<9} {'clauses':>7} {'found':>5} {'P':>6} {'R':>6}")
    for doc in report.documents:
        name = doc.labels.path.stem
        if doc.skipped:
            lines.append(f"{name:<48} {doc.labels.kind:<9} skipped: {doc.skipped}")
            continue
        c = doc.counts
        lines.append(
            f"{name:<48} {doc.labels.kind:<9} {doc.clauses:>7} {c.found:>5} "
            f"{c.precision:>6.2f} {c.recall:>6.2f}"
        )
    lines.append("")
    lines.append(
        f"{'position':<26} {'found':>5} {'right':>5} {'req':>5} {'hit':>5} "
        f"{'P':>6} {'R':>6} {'F1':>6}"
    )
    for position, c in report.per_position().items():
        lines.append(
            f"{position:<26} {c.found:>5} {c.correct:>5} {c.required:>5} {c.recalled:>5} "
            f"{c.precision:>6.2f} {c.recall:>6.2f} {c.f1:>6.2f}"
        )
    total = report.total()
    lines.append("")
    lines.append(
        f"micro-averaged: precision {total.precision:.3f}, recall {total.recall:.3f}, "
        f"F1 {total.f1:.3f}  ({total.found} findings, {total.required} required pairs, "
        f"{report.labelled_clauses()} clauses in "
        f"{sum(1 for d in report.documents if not d.skipped)} documents)"
    )
    lines.append(f"findings on negative documents: {report.negative_findings()}")
    if by_kind:
        for key, heading in (("genre", "kind of document"), ("kind", "polarity")):
            lines.append("")
            lines.append(
                f"{heading:<26} {'docs':>5} {'found':>5} {'req':>5} {'hit':>5} "
                f"{'P':>6} {'R':>6} {'F1':>6}"
            )
            for name, (count, c) in report.per_group(key).items():
                lines.append(
                    f"{name:<26} {count:>5} {c.found:>5} {c.required:>5} {c.recalled:>5} "
                    f"{c.precision:>6.2f} {c.recall:>6.2f} {c.f1:>6.2f}"
                )
    if details:
        for doc in report.documents:
            if doc.skipped or not (
                doc.false_positives or doc.false_negatives or doc.unknown_clauses
            ):
                continue
            lines.append("")
            lines.append(f"{doc.labels.path.name}:")
            for clause, position, score in doc.false_positives:
                lines.append(f"  extra   {clause:<24} {position:<24} {score:5.1f}")
            for clause, position in doc.false_negatives:
                lines.append(f"  missed  {clause:<24} {position}")
            for clause in doc.unknown_clauses:
                lines.append(f"  label names a clause the parse does not have: {clause}")
    return "\n".join(lines) + "\n"
