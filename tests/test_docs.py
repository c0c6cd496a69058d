"""The README documents every CLI command and every analyze option (as sqlite-utils' test_docs does)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from claimledger.cli import app

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = typer.main.get_command(app).commands


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_is_documented(name: str) -> None:
    assert f"claimledger {name}" in README


@pytest.mark.parametrize(
    "option", sorted(o for p in COMMANDS["analyze"].params for o in p.opts if o.startswith("--"))
)
def test_analyze_option_is_documented(option: str) -> None:
    assert option in README
