"""The wheel carries its data folders: build it, install it outside the repository, run it."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("stdcomment-*.whl")
    return found


def test_wheel_holds_the_data_folders(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for folder in ("clauses", "positions", "templates", "samples"):
        assert any(n.startswith(f"stdcomment/_data/{folder}/") for n in names), folder
    assert "stdcomment/_data/clauses/itu-t.toml" in names
    assert any(n.endswith(".docx") for n in names if n.startswith("stdcomment/_data/samples/"))
    assert not any(n.startswith(("tests/", "tools/")) for n in names)


def test_installed_wheel_runs_outside_the_repository(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    sample = subprocess.run(
        [
            str(python),
            "-c",
            "from stdcomment.resources import data_dir; "
            "print(sorted(data_dir('samples').glob('*.docx'))[0])",
        ],
        cwd=work,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert "/_data/samples/" in sample
    assert not sample.startswith(str(REPO))
    stdcomment = env_dir / "bin" / "stdcomment"
    parsed = subprocess.run(
        [str(stdcomment), "parse", sample], cwd=work, capture_output=True, text=True
    )
    assert parsed.returncode == 0, parsed.stderr
    assert "clauses:" in parsed.stdout
    checked = subprocess.run(
        [str(stdcomment), "positions", "check"], cwd=work, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
