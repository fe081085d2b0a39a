"""The shared jinja2 environment (`stdcomment.render`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from stdcomment.errors import InputError
from stdcomment.render import (
    RenderError,
    and_join,
    compile_string,
    environment,
    render_string,
    template_names,
)


def test_render_string_trims_blocks_and_does_not_escape() -> None:
    source = "{% if x %}\n<b>{{ x }} & co</b>\n{% endif %}\n"
    assert render_string(source, {"x": "A"}, origin="t") == "<b>A & co</b>\n"


def test_undefined_names_are_errors_with_the_template_line() -> None:
    with pytest.raises(RenderError) as caught:
        render_string("line 1\nline 2 {{ missing }}", {}, origin="file.toml")
    error = caught.value
    assert isinstance(error, InputError)
    assert error.template_line == 2
    assert str(error) == "file.toml: undefined variable: 'missing' is undefined"


def test_undefined_attributes_are_errors() -> None:
    with pytest.raises(RenderError, match="has no attribute 'numbr'"):
        render_string("{{ clause.numbr }}", {"clause": {"number": "6"}}, origin="t")


def test_syntax_errors_name_origin_and_line() -> None:
    with pytest.raises(RenderError) as caught:
        compile_string("ok\n{% if %}", origin="p.toml")
    assert caught.value.template_line == 2
    assert str(caught.value).startswith("p.toml: template syntax error:")


def test_the_sandbox_refuses_python_internals() -> None:
    with pytest.raises(RenderError, match="not allowed in a template"):
        render_string("{{ x.__class__.__mro__ }}", {"x": "s"}, origin="t")


def test_and_join() -> None:
    assert and_join([]) == ""
    assert and_join(["a"]) == "a"
    assert and_join(["a", "b"]) == "a and b"
    assert and_join(["a", "b", "c"], "or") == "a, b or c"
    assert render_string("{{ xs | and_join }}", {"xs": ["x", "y"]}, origin="t") == "x and y"


def test_environment_prefers_the_user_folder(tmp_path: Path) -> None:
    user = tmp_path / "templates"
    user.mkdir()
    (user / "note.txt.j2").write_text("user {{ name }}", "utf-8")
    env = environment([user])
    assert env.get_template("note.txt.j2").render(name="x") == "user x"
    with pytest.raises(Exception, match="undefined"):
        env.get_template("note.txt.j2").render()


def test_template_names_parses_without_rendering() -> None:
    source = '{% set act = {"a": 1}[x] %}{% for m in matches %}{{ loop.index }}{{ m }}{% endfor %}'
    assert template_names(source, origin="t") == {"x", "matches"}
    assert template_names("{{ range(3) | list }}", origin="t") == set()
    with pytest.raises(RenderError, match="template syntax error"):
        template_names("{% for %}", origin="t")
