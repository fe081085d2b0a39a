"""Render scan results: terminal table, JSON, CSV, Markdown."""

from __future__ import annotations

import io
import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

import click

from . import csvcells
from .findings import FINDINGS_SCHEMA_VERSION, Evidence, Finding, ScanResult
from .scan import OFF_TOPIC_FACTOR, SUBJECT_FACTOR

SNIPPET = 160


def _squash(text: str) -> str:
    """Collapse whitespace runs to one space, keeping a leading or trailing one."""
    return re.sub(r"\s+", " ", text)


def _snippet(evidence: Evidence, *, highlight: bool, width: int = SNIPPET) -> str:
    """Return the text around the match, the matched words highlighted (or **bold**)."""
    text = evidence.text
    start, end = evidence.start, evidence.end
    left = max(0, start - (width - (end - start)) // 2)
    right = min(len(text), left + width)
    left = max(0, min(left, right - width))
    before = _squash(text[left:start]).lstrip()
    after = _squash(text[end:right]).rstrip()
    matched = _squash(text[start:end])
    mark = click.style(matched, fg="red", bold=True) if highlight else f"**{matched}**"
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    return f"{prefix}{before}{mark}{after}{suffix}"


def _where(evidence: Evidence) -> str:
    if evidence.where == "title":
        return "clause title"
    return f"{evidence.block_kind}, {evidence.location.describe()}"


def render_table(results: Sequence[ScanResult], *, highlight: bool = True) -> str:
    """Return the readable terminal report: findings grouped by clause, then a summary."""
    out: list[str] = []
    for result in results:
        head = f"{result.path}"
        if result.error:
            out.append(click.style(f"{head}: error: {result.error}", fg="yellow"))
            out.append("")
            continue
        title = f" — {result.title}" if result.title else ""
        out.append(click.style(f"{head}{title}", bold=True))
        out.append(
            f"  {result.clauses} clauses scanned, {len(result.findings)} findings "
            f"(score ≥ {result.min_score:g}), {len(result.exclusions)} exclusions"
        )
        if result.off_topic:
            out.append(
                "  the draft hardly names analysis of people or personal data: its scores "
                f"are scaled by {OFF_TOPIC_FACTOR:g}, so only strong evidence is shown"
            )
        by_clause: dict[str, list[Finding]] = defaultdict(list)
        order: list[str] = []
        for finding in result.findings:
            key = finding.clause_label
            if key not in by_clause:
                order.append(key)
            by_clause[key].append(finding)
        for key in order:
            out.append("")
            out.append(click.style(f"  {key}", bold=True))
            for finding in sorted(by_clause[key], key=lambda f: -f.score):
                top = finding.evidence[0]
                strength = finding.requirement.value
                if top.informative:
                    strength += ", informative"
                out.append(
                    f"    {finding.score:5.1f}  {finding.position_id:<24} [{strength}]  "
                    f"{_where(top)}"
                )
                out.append(f"           {_snippet(top, highlight=highlight)}")
                others = sorted(
                    {_squash(e.matched).lower() for e in finding.evidence[1:]}
                    - {_squash(top.matched).lower()}
                )
                if others:
                    out.append(f"           also: {', '.join(others[:6])}")
                if finding.subject:
                    out.append(
                        f"           raised ×{SUBJECT_FACTOR:g}: the draft is about "
                        f"{', '.join(finding.subject)}"
                    )
        if result.exclusions:
            out.append("")
            out.append(
                click.style("  Exclusions (the draft says the topic is out of scope)", bold=True)
            )
            for finding in result.exclusions:
                out.append(f"    {finding.clause_label}: {finding.position_id}")
                out.append(f"           {_snippet(finding.evidence[0], highlight=highlight)}")
        out.append("")
        out.extend(_summary(result.findings))
        out.append("")
    if len(results) > 1:
        out.append(click.style("Drafts", bold=True))
        for result in results:
            if result.error:
                out.append(f"  {result.path}: error")
                continue
            common = Counter(f.position_id for f in result.findings).most_common(3)
            tops = ", ".join(f"{p} ({n})" for p, n in common)
            out.append(
                f"  {result.path}: {len(result.findings)} findings" + (f" — {tops}" if tops else "")
            )
    return "\n".join(out).rstrip() + "\n"


def _summary(findings: Sequence[Finding]) -> list[str]:
    if not findings:
        return ["  No findings at or above the threshold."]
    lines = [click.style("  Per position", bold=True)]
    groups: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        groups[finding.position_id].append(finding)
    for position, items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        clauses = ", ".join(f.clause_number or f.clause_title[:20] for f in items[:8])
        more = f" +{len(items) - 8}" if len(items) > 8 else ""
        best = max(f.score for f in items)
        lines.append(
            f"    {position:<24} {len(items):3d} clauses, max {best:5.1f}: {clauses}{more}"
        )
    return lines


def render_json(results: Sequence[ScanResult]) -> str:
    """Return the JSON report (the input of `stdcomment review`)."""
    data = {
        "schema_version": FINDINGS_SCHEMA_VERSION,
        "drafts": [r.to_dict() for r in results],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = (
    "draft",
    "clause",
    "clause_title",
    "position",
    "score",
    "requirement",
    "informative",
    "matched",
    "trigger",
    "where",
    "location",
    "sentence",
    "exclusion",
)


def render_csv(results: Sequence[ScanResult]) -> str:
    """Return one CSV row per finding (strongest evidence), exclusions flagged.

    Cells that a spreadsheet would run as a formula get a `'` in front (`csvcells`).
    """
    buffer = io.StringIO()
    writer = csvcells.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for result in results:
        for finding in [*result.findings, *result.exclusions]:
            top = finding.evidence[0]
            writer.writerow(
                [
                    result.path,
                    finding.clause_number,
                    finding.clause_title,
                    finding.position_id,
                    f"{finding.score:.1f}",
                    finding.requirement.value,
                    "yes" if top.informative else "no",
                    " ".join(top.matched.split()),
                    top.trigger,
                    _where(top),
                    top.location.describe(),
                    top.sentence,
                    "yes" if finding.exclusion else "no",
                ]
            )
    return buffer.getvalue()


def render_markdown(results: Sequence[ScanResult]) -> str:
    """Return a Markdown report of the findings."""
    out: list[str] = []
    for result in results:
        out.append(f"# Scan of {result.title or result.path}\n")
        out.append(f"Source: `{result.path}`  ")
        out.append(
            f"{result.clauses} clauses scanned; {len(result.findings)} findings at or above "
            f"{result.min_score:g}; {len(result.exclusions)} exclusions.\n"
        )
        if result.error:
            out.append(f"**Error:** {result.error}\n")
            continue
        current = None
        for finding in result.findings:
            if finding.clause_label != current:
                current = finding.clause_label
                out.append(f"## {current}\n")
            top = finding.evidence[0]
            out.append(
                f"- **{finding.position_title}** (`{finding.position_id}`, score "
                f"{finding.score:.1f}, {finding.requirement.value}; {_where(top)}): "
                f"{_snippet(top, highlight=False)}"
            )
        if result.exclusions:
            out.append("\n## Exclusions\n")
            for finding in result.exclusions:
                out.append(
                    f"- {finding.clause_label}: `{finding.position_id}` — "
                    f"{_snippet(finding.evidence[0], highlight=False)}"
                )
        out.append("")
    return "\n".join(out).rstrip() + "\n"


RENDERERS = {
    "table": render_table,
    "json": render_json,
    "csv": render_csv,
    "markdown": render_markdown,
}
