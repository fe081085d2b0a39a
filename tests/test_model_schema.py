"""The JSON form of the model: documented by a schema that matches the code and the output."""

from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner

from stdcomment.cli.main import cli
from stdcomment.model import Draft
from stdcomment.readers import read_draft
from stdcomment.schema import draft_schema, draft_schema_json
from tests.conftest import REPO, SAMPLES


def test_published_schema_is_up_to_date() -> None:
    published = (REPO / "docs" / "draft.schema.json").read_text(encoding="utf-8")
    assert published == draft_schema_json(), "regenerate docs/draft.schema.json"


def test_parse_json_validates_and_round_trips() -> None:
    for name in ("itu-t-f-ervs-draft.docx", "ieee-p7915-affect-draft.docx"):
        result = CliRunner().invoke(cli, ["parse", str(SAMPLES / name), "--format", "json"])
        assert result.exit_code == 0
        data = json.loads(result.output)
        jsonschema.validate(data, draft_schema())
        assert data["schema_version"] == "1.0"
        assert Draft.from_dict(data) == read_draft(SAMPLES / name)


def test_schema_rejects_unknown_fields() -> None:
    data = read_draft(SAMPLES / "itu-t-f-ervs-draft.docx").to_dict()
    data["clauses"][0]["colour"] = "red"
    with pytest.raises(jsonschema.ValidationError, match="colour"):
        jsonschema.validate(data, draft_schema())
