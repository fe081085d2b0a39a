"""Each validation error, proved on a broken copy of a real position file.

Every case copies a bundled file into a temporary folder, breaks it in one way, and checks that
both `check_positions` and `stdcomment positions check DIR` name the file, the field and (where
the file text allows) the line, and that the command exits with 2. Loading the folder raises
`PositionError` with the same one-line message.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from stdcomment.cli.main import cli
from stdcomment.errors import InputError
from stdcomment.positions import (
    PositionError,
    bundled_dir,
    check_positions,
    load_positions,
    render_comment,
    sample_context,
)
from stdcomment.positions import library as positions_library

SOURCE = "privacy"


def _copy(tmp_path: Path, name: str = SOURCE) -> Path:
    folder = tmp_path / "positions"
    folder.mkdir(exist_ok=True)
    target = folder / f"{name}.toml"
    shutil.copy(bundled_dir() / f"{name}.toml", target)
    return target


def _line_of(text: str, needle: str) -> int:
    """The 1-based line of the first occurrence of `needle` in `text`."""
    return text[: text.index(needle)].count("\n") + 1


@dataclass(frozen=True)
class Case:
    """One way to break a file: the edit, the field named, the message and the line."""

    name: str
    edit: Callable[[str], str]
    field: str
    message: str  # a regular expression
    line_of: str | None = None  # the text whose line the error must name (after the edit)
    on_load: bool = True  # False: found by rendering (`check`, `render_comment`), not loading


def _sub(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, f"test setup: {old!r} not in the file"
        return text.replace(old, new, count)

    return edit


def _trigger_block(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(f'label = "{phrase}"')
    end = text.index("[[triggers]]", start)
    return start, end


def _set_in_trigger(phrase: str, old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        start, end = _trigger_block(text, phrase)
        block = text[start:end]
        assert old in block, f"test setup: {old!r} not in trigger {phrase!r}"
        return text[:start] + block.replace(old, new, 1) + text[end:]

    return edit


def _add_to_trigger(phrase: str, line: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        start, end = _trigger_block(text, phrase)
        block = text[start:end].rstrip("\n") + "\n" + line + "\n\n"
        return text[:start] + block + text[end:]

    return edit


CASES = [
    Case(
        "toml syntax",
        _sub('title = "Biometric', 'title = "Biometric data\nand'),
        "",
        r"TOML syntax error",
        line_of="title = ",
    ),
    Case(
        "unknown top-level key",
        _sub('title = "', 'colour = "red"\ntitle = "'),
        "colour",
        r"unknown key 'colour' \(expected one of: .*stance",
        line_of="colour = ",
    ),
    Case(
        "unknown key in a trigger",
        _add_to_trigger("surveillance of people", "wieght = 0.5"),
        "triggers[4].wieght",
        r"unknown key 'wieght'",
        line_of="wieght = ",
    ),
    Case(
        "unknown key in a comment table",
        _sub("[comment.iso]\n", "[comment.iso]\nsubject = 'x'\n"),
        "comment.iso.subject",
        r"unknown key 'subject'",
        line_of="subject = ",
    ),
    Case(
        "unknown body",
        _sub(
            "[comment.iso]\n",
            "[comment.etsi]\ncomment = 'x'\nproposed_change = 'y'\n\n[comment.iso]\n",
        ),
        "comment.etsi",
        r"unknown body 'etsi'",
        line_of="[comment.etsi]",
    ),
    Case(
        "missing required field",
        lambda text: re.sub(r'(?m)^stance = ".*"\n', "", text, count=1),
        "stance",
        r"missing \(required\)",
    ),
    Case(
        "missing field in a table",
        _sub('instrument = "UDHR"\narticle = "art. 12"\n', 'instrument = "UDHR"\n'),
        "rights[2].article",
        r"missing \(required\)",
        line_of='[[rights]]\ninstrument = "UDHR"',
    ),
    Case(
        "missing comment body",
        lambda text: text[: text.index("[comment.iso]")],
        "comment.iso",
        r"missing \(required\)",
    ),
    Case(
        "wrong type",
        _set_in_trigger("surveillance of people", "weight = 0.75", 'weight = "high"'),
        "triggers[4].weight",
        r"must be a number between 0 and 1, got text",
        line_of='weight = "high"',
    ),
    Case(
        "weight above 1",
        _set_in_trigger("surveillance of people", "weight = 0.75", "weight = 1.5"),
        "triggers[4].weight",
        r"must be between 0 and 1, got 1\.5",
        line_of="weight = 1.5",
    ),
    Case(
        "negative weight",
        _set_in_trigger("surveillance of people", "weight = 0.75", "weight = -0.2"),
        "triggers[4].weight",
        r"must be between 0 and 1, got -0\.2",
        line_of="weight = -0.2",
    ),
    Case(
        "id differs from the file name",
        _sub('id = "privacy"', 'id = "privacy-rights"'),
        "id",
        r"'privacy-rights' differs from the file name 'privacy\.toml'",
        line_of='id = "privacy-rights"',
    ),
    Case(
        "id that is not a slug",
        _sub('id = "privacy"', 'id = "Privacy Rights"'),
        "id",
        r"not a valid id",
        line_of='id = "Privacy Rights"',
    ),
    Case(
        "duplicate trigger label",
        _set_in_trigger(
            "surveillance of people",
            'label = "surveillance of people"',
            'label = "Face-Recognition or identification"',
        ),
        "triggers[4].label",
        r"duplicate trigger label 'Face-Recognition or identification' \(same as triggers\[1\]\)",
        line_of='label = "Face-Recognition or',
    ),
    Case(
        "invalid regular expression",
        _add_to_trigger("surveillance of people", "pattern = '''\\b((mass'''"),
        "triggers[4].pattern",
        r"invalid regular expression: missing \), unterminated subpattern",
        line_of="pattern = '''\\b((mass",
    ),
    Case(
        "regular expression matching empty text",
        _add_to_trigger("face recognition or identification", "pattern = '''(x)?|face'''"),
        "triggers[1].pattern",
        r"regular expression matches empty text",
        line_of="pattern = '''(x)?",
    ),
    Case(
        "unknown concept in a composition",
        _set_in_trigger(
            "surveillance of people", 'all = ["surveillance"]', 'all = ["survelliance"]'
        ),
        "triggers[4].all",
        r"unknown concept 'survelliance' \(no file concepts/survelliance\.toml\)",
        line_of='all = ["survelliance"]',
    ),
    Case(
        "unknown concept in a context",
        _add_to_trigger("biometric data", 'context = ["persons"]'),
        "triggers[6].context",
        r"unknown concept 'persons'",
        line_of='context = ["persons"]',
    ),
    Case(
        "unknown concept in the subject",
        _sub("\nexclude = [", '\nsubject = ["studnets"]\nexclude = ['),
        "subject",
        r"unknown concept 'studnets' \(no file concepts/studnets\.toml\)",
        line_of='subject = ["studnets"]',
    ),
    Case(
        "subject that is not a list",
        _sub("\nexclude = [", '\nsubject = "education"\nexclude = ['),
        "subject",
        r"must be a list of texts, got text",
        line_of='subject = "education"',
    ),
    Case(
        "near word lists are no longer read",
        _add_to_trigger("surveillance of people", 'near = [["a"], ["b"]]'),
        "triggers[4].near",
        r"replaced by concepts",
        line_of="near = ",
    ),
    Case(
        "unknown action kind",
        _sub('kind = "narrow-scope"', 'kind = "ban"'),
        "actions[2].kind",
        r"unknown action kind 'ban' \(expected one of: delete, replace",
        line_of='kind = "ban"',
    ),
    Case(
        "model text missing where required",
        lambda text: re.sub(
            r'(kind = "add-safeguard"\nsummary = "[^"]*"\n)model_text = """.*?"""\n',
            r"\1",
            text,
            count=1,
            flags=re.S,
        ),
        "actions[1].model_text",
        r"missing \(required\)",
        line_of='[[actions]]\nkind = "add-safeguard"',
    ),
    Case(
        "invalid IEEE category",
        _sub('category = "Technical"', 'category = "Legal"'),
        "comment.ieee.category",
        r"'Legal' is not an IEEE comment category "
        r"\(expected one of: Technical, Editorial, General\)",
        line_of='category = "Legal"',
    ),
    Case(
        "invalid ISO comment type",
        _sub('type = "te"', 'type = "tech"'),
        "comment.iso.type",
        r"'tech' is not an ISO comment type \(expected one of: ge, te, ed\)",
        line_of='type = "tech"',
    ),
    Case(
        "must_be_satisfied not a boolean",
        _sub("must_be_satisfied = true", 'must_be_satisfied = "yes"'),
        "comment.ieee.must_be_satisfied",
        r"must be true or false, got text",
        line_of='must_be_satisfied = "yes"',
    ),
    Case(
        "jinja2 syntax error",
        _sub(
            'Add to clause {{ clause.label }}: "Biometric',
            'Add to clause {{ clause.label }: "Biometric',
        ),
        "comment.itu-t.proposed_change",
        r"template syntax error",
        line_of="Add to clause {{ clause.label }",
    ),
    Case(
        "undefined variable",
        _sub(
            "{{ clause.label }}{% if informative %} (informative){% endif %} covers",
            "{{ section }} covers",
        ),
        "comment.iso.comment",
        r"undefined variable 'section' \(available: clause, draft",
        line_of="{{ section }} covers",
    ),
    Case(
        "undefined attribute (found by rendering the sample finding)",
        _sub(
            "{{ clause.label }}{% if informative %} (informative){% endif %} covers",
            "{{ clause.numbr }} covers",
        ),
        "comment.iso.comment",
        r"undefined variable: 'dict object' has no attribute 'numbr' \(sample finding",
        line_of="{{ clause.numbr }} covers",
        on_load=False,
    ),
    Case(
        "template rendering empty text",
        lambda text: re.sub(
            r'(\[comment\.iso\]\ntype = "te"\ncomment = """\n)(.*?)(""")',
            r"\1{% if requirement == 'never' %}\2{% endif %}\n\3",
            text,
            count=1,
            flags=re.S,
        ),
        "comment.iso.comment",
        r"renders as empty text when requirement is 'required'",
        on_load=False,
    ),
    Case(
        "page list",
        _sub('pages = "36-44"', 'pages = "thirty-six"'),
        "report[1].pages",
        r"'thirty-six' is not a page list",
        line_of='pages = "thirty-six"',
    ),
    Case(
        "too many evidence keys",
        _sub(
            'keys = ["20 terabytes", "2,000 hours", "4 million samples"]',
            'keys = ["a", "b", "c", "d", "e"]',
        ),
        "evidence[2].keys",
        r"give 1 to 4 key strings, not 5",
        line_of='keys = ["a", "b"',
    ),
    Case(
        "key defined twice",
        _sub('title = "', 'title = "Twice"\ntitle = "'),
        "title",
        r"defined twice",
        line_of='title = "Biometric',
    ),
]


def _expected_line(text: str, case: Case) -> int | None:
    return _line_of(text, case.line_of) if case.line_of else None


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_validation_error_names_file_field_and_line(
    tmp_path: Path, case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _copy(tmp_path)
    broken = case.edit(path.read_text("utf-8"))
    path.write_text(broken, "utf-8")
    errors = [p for p in check_positions(path.parent) if p.severity == "error"]
    assert errors, f"{case.name}: no error reported"
    matching = [p for p in errors if p.field == case.field and re.search(case.message, p.message)]
    assert matching, f"{case.name}: got {[str(p) for p in errors]}"
    problem = matching[0]
    assert problem.path == path
    expected = _expected_line(broken, case)
    if expected is not None:
        assert problem.line == expected, f"{case.name}: {problem}"
    text = str(problem)
    assert text.startswith(f"{path}:" if problem.line is None else f"{path}:{problem.line}: ")
    if case.field:
        assert f": {case.field}: " in text

    result = CliRunner().invoke(cli, ["positions", "check", str(path.parent)])
    assert result.exit_code == 2, result.output
    assert text in result.output
    assert "positions OK" not in result.output

    monkeypatch.setattr(positions_library, "_CACHE", {})  # load on its own, not from check
    if not case.on_load:
        position = load_positions([path.parent], bundled=False)[SOURCE]
        with pytest.raises(PositionError) as rendering:
            render_comment(position, "iso", sample_context(position, body="iso"))
        assert str(rendering.value).startswith(f"{path}: comment.iso.comment: ")
        return
    with pytest.raises(PositionError) as caught:
        load_positions([path.parent], bundled=False)
    assert isinstance(caught.value, InputError)
    assert str(caught.value).startswith(str(path))


def test_duplicate_ids_in_one_folder(tmp_path: Path) -> None:
    first = _copy(tmp_path)
    second = first.with_name("privacy-copy.toml")
    shutil.copy(first, second)
    problems = check_positions(first.parent)
    duplicate = [p for p in problems if "duplicate id" in p.message]
    assert len(duplicate) == 1
    assert duplicate[0].path == second
    assert duplicate[0].field == "id"
    assert duplicate[0].line == 1
    assert "also in privacy.toml" in duplicate[0].message
    result = CliRunner().invoke(cli, ["positions", "check", str(first.parent)])
    assert result.exit_code == 2
    assert f"{second}:1: id: duplicate id 'privacy' (also in privacy.toml)" in result.output


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    path.write_bytes(path.read_bytes().replace(b"Biometric data", b"Biom\xe9tric data", 1))
    problems = check_positions(path.parent)
    assert [p.message for p in problems] == [problems[0].message]
    assert problems[0].message.startswith("not UTF-8 text")


def test_a_folder_without_position_files(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("nothing here", "utf-8")
    problems = check_positions(tmp_path)
    assert [p.message for p in problems] == ["holds no position files (*.toml)"]
    with pytest.raises(PositionError, match="holds no position files"):
        load_positions([tmp_path], bundled=False)


def test_warnings_do_not_fail_the_check_unless_strict(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    text = path.read_text("utf-8")
    # keep only the first trigger: fewer than the two the library aims at
    head, _, rest = text.partition("[[triggers]]")
    blocks = ("[[triggers]]" + rest).split("[[actions]]", 1)
    triggers = blocks[0].split("[[triggers]]")[1:2]
    path.write_text(
        head + "".join("[[triggers]]" + t for t in triggers) + "[[actions]]" + blocks[1], "utf-8"
    )
    problems = check_positions(path.parent)
    assert [p.severity for p in problems] == ["warning"]
    assert "1 triggers; aim for at least 2" in problems[0].message
    runner = CliRunner()
    relaxed = runner.invoke(cli, ["positions", "check", str(path.parent)])
    assert relaxed.exit_code == 0, relaxed.output
    assert "warning: 1 triggers" in relaxed.output
    assert relaxed.output.rstrip().endswith("1 positions OK (1 warning)")
    strict = runner.invoke(cli, ["positions", "check", "--strict", str(path.parent)])
    assert strict.exit_code == 2


def test_weak_trigger_without_context_is_a_warning(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    text = path.read_text("utf-8")
    start = text.index('label = "biometric data"')
    text = text[:start] + text[start:].replace("weight = 0.6", "weight = 0.3", 1)
    path.write_text(text, "utf-8")
    problems = check_positions(path.parent)
    assert len(problems) == 1
    assert problems[0].severity == "warning"
    assert problems[0].field == "triggers[6].context"
    assert (
        "weak trigger 'biometric data' (weight 0.3) has no context concepts" in problems[0].message
    )


def _concept_folder(tmp_path: Path, text: str) -> Path:
    path = _copy(tmp_path)
    (path.parent / "concepts").mkdir()
    concept = path.parent / "concepts" / "gaze.toml"
    concept.write_text(text, "utf-8")
    return concept


@pytest.mark.parametrize(
    ("text", "field", "message", "needle"),
    [
        ('id = "gaze"\ntitle = "Gaze"\nterms = []\n', "terms", r"is empty", "terms = []"),
        (
            'id = "gaze"\ntitle = "Gaze"\nterms = ["gaze", "eye gaze", "gazes"]\n',
            "terms",
            r"duplicate term 'gazes' \(same as 'gaze'\)",
            "terms = ",
        ),
        (
            'id = "gaze"\ntitle = "Gaze"\nterms = ["gaze"]\ninclude = ["eyes"]\n',
            "include",
            r"unknown concept 'eyes'",
            "include = ",
        ),
        (
            'id = "gaze"\ntitle = "Gaze"\ninclude = ["gaze"]\n',
            "include",
            r"includes itself through gaze -> gaze",
            "include = ",
        ),
        ('id = "gaze"\nterms = ["gaze"]\n', "title", r"missing \(required\)", None),
        (
            'id = "gaze"\ntitle = "G"\nterms = ["gaze"]\ncolour = 1\n',
            "colour",
            r"unknown key",
            "colour",
        ),
    ],
)
def test_concept_file_errors_name_file_field_and_line(
    tmp_path: Path, text: str, field: str, message: str, needle: str | None
) -> None:
    concept = _concept_folder(tmp_path, text)
    problems = [p for p in check_positions(concept.parent.parent) if p.path == concept]
    assert len(problems) == 1, problems
    assert problems[0].field == field
    assert re.search(message, problems[0].message), problems[0].message
    if needle is not None:
        assert problems[0].line == _line_of(text, needle)
    with pytest.raises(PositionError, match=re.escape(str(concept))):
        load_positions([concept.parent.parent])


def test_a_user_concept_extends_the_bundled_vocabulary(tmp_path: Path) -> None:
    concept = _concept_folder(
        tmp_path, 'id = "gaze"\ntitle = "Gaze"\nterms = ["gaze", "eye contact"]\n'
    )
    path = concept.parent.parent / "privacy.toml"
    path.write_text(
        path.read_text("utf-8").replace('all = ["surveillance"]', 'all = ["surveillance|gaze"]'),
        "utf-8",
    )
    assert check_positions(concept.parent.parent) == []
    library = load_positions([concept.parent.parent])
    assert "gaze" in library.concepts
    assert "emotion" in library.concepts


def test_loading_ignores_warnings_and_reports_the_first_error(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    other = _copy(tmp_path, "consent")
    other.write_text(other.read_text("utf-8").replace('type = "te"', 'type = "x"'), "utf-8")
    with pytest.raises(PositionError) as caught:
        load_positions([path.parent])
    assert str(caught.value).startswith(f"{other}:")
    assert "comment.iso.type" in str(caught.value)


def test_sandbox_refuses_python_internals(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    text = path.read_text("utf-8").replace(
        "covers biometric data", "covers {{ clause.__class__.__mro__ }} biometric data", 1
    )
    path.write_text(text, "utf-8")
    errors = [p for p in check_positions(path.parent) if p.severity == "error"]
    assert errors
    assert errors[0].field == "comment.iso.comment"
