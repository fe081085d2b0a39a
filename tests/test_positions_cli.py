"""`stdcomment positions list/show/check` and user position folders on top of the bundled ones."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from stdcomment.cli.main import cli
from stdcomment.positions import bundled_dir, load_positions, render_comment, sample_context

BUNDLED = load_positions()


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["positions", *args])
    return result.exit_code, result.output


def _user_folder(tmp_path: Path) -> Path:
    """A user folder: an override of `privacy` (new title) and a new position `retail`."""
    folder = tmp_path / "mine"
    folder.mkdir()
    privacy = (bundled_dir() / "privacy.toml").read_text("utf-8")
    (folder / "privacy.toml").write_text(
        privacy.replace(
            'title = "Biometric data and monitoring of identifiable people"',
            'title = "Our own privacy wording"',
        ),
        "utf-8",
    )
    retail = (bundled_dir() / "credit-access.toml").read_text("utf-8")
    (folder / "retail.toml").write_text(
        re.sub(
            r'(?m)^title = ".*"$',
            'title = "Shopper emotion analytics"',
            retail.replace('id = "credit-access"', 'id = "retail"'),
            count=1,
        ),
        "utf-8",
    )
    return folder


def test_list_shows_every_position_with_rights_and_trigger_count() -> None:
    code, output = _invoke("list")
    assert code == 0, output
    lines = output.splitlines()
    assert lines[0].split() == ["ID", "TITLE", "RIGHTS", "TRIGGERS"]
    rows = {line.split()[0]: line for line in lines[1:-1]}
    assert list(rows) == list(BUNDLED.ids)
    row = rows["self-incrimination"]
    assert "ICCPR 14(3)(g)" in row
    assert row.split()[-1] == str(len(BUNDLED["self-incrimination"].triggers))
    assert lines[-1] == f"{len(BUNDLED)} positions from {bundled_dir()}"


def test_show_prints_everything_readably() -> None:
    position = BUNDLED["race-categories"]
    code, output = _invoke("show", "race-categories")
    assert code == 0, output
    assert output.startswith(f"race-categories: {position.title}\n")
    flat = " ".join(output.split())
    for heading in ("Stance", "Rationale", "Rights", "Evidence", "Triggers", "What we ask"):
        assert f"\n{heading}" in output
    assert " ".join(position.stance.split()) in flat
    for right in position.rights_cited:
        assert right in flat
    for item in position.evidence:
        assert " ".join(item.fact.split()) in flat
        if item.quote:
            assert f"Quotation: \u201c{item.quote}\u201d" in flat
    for trigger in position.triggers:
        assert trigger.phrase in flat
    itu = render_comment(position, "itu-t", sample_context(position, body="itu-t"))
    assert " ".join(itu.comment.split()) in flat
    assert "IEEE (Technical, must be satisfied: yes)" in output
    assert "ISO/IEC (type te)" in output
    assert "Template source" not in output
    prose = [line for line in output.splitlines() if not line.lstrip().startswith("pattern ")]
    assert max(len(line) for line in prose) <= 160, "prose is wrapped (patterns are not split)"


def test_show_says_which_drafts_a_position_counts_more_in() -> None:
    code, output = _invoke("show", "education")
    assert code == 0, output
    flat = " ".join(output.split())
    subject = ", ".join(BUNDLED["education"].subject)
    assert f"Counts more in drafts about {subject} (" in flat
    assert "Counts more in drafts about" not in _invoke("show", "privacy")[1]


def test_show_source_prints_the_jinja2_templates() -> None:
    code, output = _invoke("show", "privacy", "--source")
    assert code == 0
    assert "Template source (comment):" in output
    assert "{{ clause.label }}" in output


def test_show_unknown_id_is_a_usage_error() -> None:
    code, output = _invoke("show", "no-such-position")
    assert code == 2
    assert "unknown position 'no-such-position'; known: accuracy-claims," in output


def test_check_a_folder_and_a_missing_folder(tmp_path: Path) -> None:
    folder = _user_folder(tmp_path)
    code, output = _invoke("check", str(folder))
    assert code == 0, output
    assert output == "2 positions OK\n"
    code, output = _invoke("check", str(tmp_path / "absent"))
    assert code == 2
    assert "does not exist" in output


def test_user_folder_overrides_a_bundled_id_and_adds_a_new_one(tmp_path: Path) -> None:
    folder = _user_folder(tmp_path)
    library = load_positions([folder])
    assert len(library) == len(BUNDLED) + 1
    assert library.ids[: len(BUNDLED)] == BUNDLED.ids, "an override keeps the bundled order"
    assert library.ids[-1] == "retail"
    assert library["privacy"].title == "Our own privacy wording"
    assert library["privacy"].path == folder / "privacy.toml"
    assert library["consent"].path == bundled_dir() / "consent.toml"
    assert library.sources == (bundled_dir(), folder)

    code, output = _invoke("list", "--positions", str(folder))
    assert code == 0, output
    assert "Our own privacy wording" in output
    assert "Biometric data and monitoring" not in output
    assert "\nretail " in output
    code, output = _invoke("show", "retail", "--positions", str(folder))
    assert code == 0
    assert output.startswith("retail: Shopper emotion analytics\n")


def test_user_folder_alone(tmp_path: Path) -> None:
    folder = _user_folder(tmp_path)
    library = load_positions([folder], bundled=False)
    assert library.ids == ("privacy", "retail")
    for flag in ("--only", "--only-positions"):
        code, output = _invoke("list", "--positions", str(folder), flag)
        assert code == 0, output
        assert output.splitlines()[-1] == f"2 positions from {folder}"
    code, output = _invoke("show", "consent", "--positions", str(folder), "--only")
    assert code == 2
    assert "unknown position 'consent'" in output


def test_only_without_a_folder_is_a_usage_error() -> None:
    code, output = _invoke("list", "--only")
    assert code == 2
    assert "--only needs at least one --positions DIR" in output


def test_a_broken_user_file_is_reported_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    shutil.copy(bundled_dir() / "consent.toml", folder / "consent.toml")
    path = folder / "consent.toml"
    path.write_text(path.read_text("utf-8").replace('type = "te"', 'type = "xx"'), "utf-8")
    result = CliRunner().invoke(cli, ["positions", "list", "--positions", str(folder)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line]
    assert len(lines) == 1
    assert lines[0].startswith(f"stdcomment: error: {path}:")
    assert "comment.iso.type: 'xx' is not an ISO comment type" in lines[0]


@pytest.mark.parametrize("command", ["list", "show", "check"])
def test_help(command: str) -> None:
    code, output = _invoke(command, "--help")
    assert code == 0
    assert "Usage:" in output
