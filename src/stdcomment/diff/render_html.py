"""The diff as one self-contained HTML page: side by side, like rfcdiff, with a clause index.

Each changed clause is a section with the old text on the left and the new text on the right,
one row per changed paragraph or table cell, the words that changed highlighted (deleted in
red and struck through on the left, inserted in green on the right, as the W3C's htmldiff
does). A clause index on the left links to every change and can filter by kind; `j` / `k`
step through the changes. CSS and JavaScript are inline: the file can be mailed or archived
as is, and it loads nothing.
"""

from __future__ import annotations

from html import escape
from pathlib import PurePath

from .describe import (
    FOLLOWUP_WORDS,
    block_cite,
    cell_cite,
    clause_cite,
    clause_heading,
    concern_counts,
    concern_score,
    concern_where,
    detailed,
    display,
    followup_counts,
    followup_where,
    kind_phrase,
    moved_along,
    references_followed,
    renumbered_only,
    row_cite,
    summary,
)
from .model import (
    BlockChange,
    BlockChangeKind,
    ClauseChange,
    ConcernStatus,
    DraftDiff,
    OpTag,
    TextOp,
)

CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 "Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d1d1f;
background:#fafafa}
header{padding:14px 22px;background:#20303f;color:#fff}
header h1{margin:0 0 4px;font-size:19px}
header p{margin:2px 0;color:#d7e0e8}
.layout{display:flex;align-items:flex-start}
nav{position:sticky;top:0;width:290px;max-height:100vh;overflow:auto;padding:12px 14px;
border-right:1px solid #ddd;background:#fff;font-size:13px;flex:none}
nav h2{font-size:13px;text-transform:uppercase;letter-spacing:.05em;color:#555;margin:14px 0 6px}
nav ol{list-style:none;margin:0;padding:0}
nav li{margin:2px 0}
nav a{color:#1d1d1f;text-decoration:none}
nav a:hover{text-decoration:underline}
nav label{display:block;margin:1px 0}
main{flex:1;min-width:0;padding:12px 22px 60px}
section.change{background:#fff;border:1px solid #ddd;border-radius:6px;margin:14px 0;
padding:10px 14px}
section.change.current{outline:2px solid #3b82f6}
h2.clause{font-size:16px;margin:0 0 8px}
.badge{display:inline-block;font-size:11px;font-weight:600;text-transform:uppercase;
padding:1px 6px;border-radius:8px;margin-right:6px;vertical-align:middle;background:#e5e7eb}
.k-added{background:#d1fae5}.k-removed{background:#fee2e2}.k-moved{background:#e0e7ff}
.k-split,.k-merged{background:#fef3c7}.k-modified{background:#f3f4f6}
table.sbs{width:100%;border-collapse:collapse;table-layout:fixed}
table.sbs th{font-size:12px;color:#555;text-align:left;padding:4px 8px;border-bottom:1px solid #ddd}
table.sbs td{vertical-align:top;padding:6px 8px;border-bottom:1px solid #eee;white-space:pre-wrap;
overflow-wrap:anywhere}
table.sbs td.where{width:190px;color:#555;font-size:12px;white-space:normal}
td.empty{background:repeating-linear-gradient(45deg,#fafafa,#fafafa 6px,#f0f0f0 6px,#f0f0f0 12px)}
del{background:#fde2e1;color:#8b1c13;text-decoration:line-through}
ins{background:#d8f5d0;color:#14532d;text-decoration:none}
p.note{color:#555;margin:6px 0}
.summary{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 14px}
table.grid{border-collapse:collapse;background:#fff}
table.grid th,table.grid td{border:1px solid #ddd;padding:4px 8px;text-align:left;
vertical-align:top}
.s-new{color:#b91c1c;font-weight:600}.s-gone{color:#15803d;font-weight:600}
.f-fully{color:#15803d;font-weight:600}.f-not{color:#b91c1c;font-weight:600}
.f-partly{color:#b45309;font-weight:600}
""".strip()

JS = """
(function(){
  var boxes=document.querySelectorAll('nav input[data-kind]');
  function apply(){
    var on={};boxes.forEach(function(b){on[b.dataset.kind]=b.checked;});
    document.querySelectorAll('[data-kind]').forEach(function(el){
      if(el.tagName==='INPUT')return;
      el.style.display=on[el.dataset.kind]===false?'none':'';
    });
  }
  boxes.forEach(function(b){b.addEventListener('change',apply);});
  var at=-1;
  document.addEventListener('keydown',function(e){
    if(e.target.tagName==='INPUT'||(e.key!=='j'&&e.key!=='k'))return;
    var all=[].slice.call(document.querySelectorAll('section.change')).filter(function(s){
      return s.style.display!=='none';});
    if(!all.length)return;
    if(at>=0&&all[at])all[at].classList.remove('current');
    at=Math.max(0,Math.min(all.length-1,at+(e.key==='j'?1:-1)));
    all[at].classList.add('current');all[at].scrollIntoView({block:'start'});
  });
})();
""".strip()


def _ops(ops: tuple[TextOp, ...], side: str) -> str:
    out = []
    for op in ops:
        if op.tag == OpTag.EQUAL:
            out.append(escape(op.old if side == "old" else op.new))
        elif side == "old" and op.old:
            out.append(f"<del>{escape(op.old)}</del>")
        elif side == "new" and op.new:
            out.append(f"<ins>{escape(op.new)}</ins>")
    return "".join(out)


def _anchor(k: int) -> str:
    return f"c{k + 1}"


def render_html(diff: DraftDiff) -> str:
    """Return the diff as a self-contained HTML page."""
    old, new = diff.old, diff.new
    title = f"Changes from {old.name} to {new.name}"
    changes = list(detailed(diff))
    said = summary(diff)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<header><h1>{escape(title)}</h1>",
        f"<p>OLD: {escape(_describe(old.document, old.path, old.date, old.view))}</p>",
        f"<p>NEW: {escape(_describe(new.document, new.path, new.date, new.view))}</p></header>",
        '<div class="layout">',
        _index(diff, changes),
        "<main>",
        f'<div class="summary"><p>{escape(said.clauses)}</p><p>{escape(said.blocks)}</p>',
    ]
    if diff.strict:
        parts.append("<p>Strict comparison: spacing, quote marks and list labels count.</p>")
    renumbered = renumbered_only(diff)
    if renumbered:
        listed = escape(", ".join(renumbered))
        parts.append(f'<p id="renumbered"><b>Renumbered, text unchanged:</b> {listed}</p>')
    followed = references_followed(diff)
    if followed:
        parts.append(
            "<p><b>Cross-references that only follow the renumbering:</b> "
            f"{escape(', '.join(followed))}</p>"
        )
    parts.append("</div>")
    if not changes:
        parts.append("<p>No changes.</p>")
    for k, change in enumerate(changes):
        parts.append(_section(diff, change, k))
    if diff.concerns_scanned:
        parts.append(_concerns(diff))
    if diff.review:
        parts.append(_followups(diff))
    parts += ["</main></div>", f"<script>{JS}</script>", "</body></html>"]
    return "\n".join(parts) + "\n"


def _describe(document: str, path: str, date: str, view: str) -> str:
    bits = [document] if document else []
    bits.append(PurePath(path).name)
    if date:
        bits.append(date)
    if view != "current":
        bits.append(f"{view} view of its tracked changes")
    return ", ".join(bits)


def _index(diff: DraftDiff, changes: list[ClauseChange]) -> str:
    kinds = sorted({str(c.kind) for c in changes})
    out = ["<nav>", "<h2>Show</h2>"]
    for kind in kinds:
        out.append(f'<label><input type="checkbox" data-kind="{kind}" checked> {kind}</label>')
    out += ["<h2>Clauses</h2>", "<ol>"]
    for k, change in enumerate(changes):
        out.append(
            f'<li data-kind="{change.kind}"><span class="badge k-{change.kind}">{change.kind}'
            f'</span><a href="#{_anchor(k)}">'
            f"{escape(f'{clause_cite(change)} {change.title}'.strip())}</a></li>"
        )
    out.append("</ol>")
    extra = []
    if renumbered_only(diff):
        extra.append('<li><a href="#renumbered">Renumbered clauses</a></li>')
    if diff.concerns_scanned:
        extra.append('<li><a href="#concerns">Concerns</a></li>')
    if diff.review:
        extra.append('<li><a href="#comments">Our comments</a></li>')
    if extra:
        out += ["<h2>Also</h2>", "<ol>", *extra, "</ol>"]
    out.append("</nav>")
    return "\n".join(out)


def _section(diff: DraftDiff, change: ClauseChange, k: int) -> str:
    out = [
        f'<section class="change" id="{_anchor(k)}" data-kind="{change.kind}">',
        f'<h2 class="clause"><span class="badge k-{change.kind}">{change.kind}</span>'
        f"{escape(clause_heading(change))}</h2>",
        f'<p class="note">{escape(kind_phrase(change))}</p>',
    ]
    along = moved_along(diff, change)
    if along:
        out.append(f'<p class="note">With {escape(", ".join(along))}.</p>')
    rows = []
    if change.retitled:
        rows.append(_row("Title", _ops(change.title_ops, "old"), _ops(change.title_ops, "new")))
    for block in change.blocks:
        if block.substantive:
            rows.extend(_block_rows(change, block))
    if rows:
        out.append(
            '<table class="sbs"><colgroup><col style="width:190px"><col><col></colgroup>'
            f"<tr><th></th><th>OLD {escape(change.old_cite)}</th>"
            f"<th>NEW {escape(change.new_cite)}</th></tr>"
        )
        out.extend(rows)
        out.append("</table>")
    out.append("</section>")
    return "\n".join(out)


def _row(where: str, old: str | None, new: str | None) -> str:
    left = '<td class="empty"></td>' if old is None else f"<td>{old}</td>"
    right = '<td class="empty"></td>' if new is None else f"<td>{new}</td>"
    return f'<tr><td class="where">{escape(where)}</td>{left}{right}</tr>'


def _block_rows(change: ClauseChange, block: BlockChange) -> list[str]:
    cite = block_cite(change, block).split(", ", 1)[-1]
    label = escape(display(block, "x")[:-1]) if block.label and not block.rows else ""
    if block.kind == BlockChangeKind.MOVED:
        return [
            _row(cite, None, f"<i>moved within the clause from paragraph {block.old_paragraph}</i>")
        ]
    if block.rows:
        rows = []
        for row in block.rows:
            if row.kind == BlockChangeKind.MODIFIED:
                for cell in row.cells:
                    where = f"{cite}, {row_cite(row)}, {cell_cite(cell)}"
                    rows.append(_row(where, _ops(cell.ops, "old"), _ops(cell.ops, "new")))
            else:
                old = " | ".join(_ops(c.ops, "old") for c in row.cells)
                new = " | ".join(_ops(c.ops, "new") for c in row.cells)
                added = row.kind == BlockChangeKind.ADDED
                rows.append(
                    _row(f"{cite}, {row_cite(row)}", None if added else old, new if added else None)
                )
        return rows
    if block.kind == BlockChangeKind.ADDED:
        where = cite + (f" (from {block.elsewhere})" if block.elsewhere else "")
        return [_row(where, None, label + _ops(block.ops, "new"))]
    if block.kind == BlockChangeKind.REMOVED:
        where = cite + (f" (now in {block.elsewhere})" if block.elsewhere else "")
        return [_row(where, label + _ops(block.ops, "old"), None)]
    return [_row(cite, label + _ops(block.ops, "old"), label + _ops(block.ops, "new"))]


def _concerns(diff: DraftDiff) -> str:
    counts = concern_counts(diff)
    out = [
        '<section class="change" id="concerns"><h2 class="clause">Concerns</h2>',
        f"<p>{counts[ConcernStatus.NEW]} new, {counts[ConcernStatus.GONE]} gone, "
        f"{counts[ConcernStatus.PERSISTING]} persisting.</p>",
        '<table class="grid"><tr><th>position</th><th>concern</th><th>clause</th>'
        "<th>score</th></tr>",
    ]
    for c in diff.concerns:
        out.append(
            f'<tr><td title="{escape(c.position_title)}">{escape(c.position)}</td>'
            f'<td class="s-{c.status}">{c.status}</td><td>{escape(concern_where(c))}</td>'
            f"<td>{escape(concern_score(c))}</td></tr>"
        )
    out.append("</table></section>")
    return "\n".join(out)


def _followups(diff: DraftDiff) -> str:
    out = [
        '<section class="change" id="comments"><h2 class="clause">Our comments</h2>',
        f"<p>{escape(PurePath(diff.review).name)}: {escape(followup_counts(diff))}.</p>",
        '<table class="grid"><tr><th>comment</th><th>position</th><th>clause</th>'
        "<th>outcome</th><th>what was found</th></tr>",
    ]
    for item in diff.followups:
        out.append(
            f"<tr><td>{escape(item.entry)}</td><td>{escape(item.position)}</td>"
            f"<td>{escape(followup_where(item))}</td>"
            f'<td class="f-{item.status}">{FOLLOWUP_WORDS[item.status]}</td>'
            f"<td>{escape(item.detail)}</td></tr>"
        )
    out.append("</table></section>")
    return "\n".join(out)


__all__ = ["render_html"]
