"""`accord scenario verbs` lists every verb with its keys from the command types, and
docs/scenarios.md is its Markdown, committed as generated."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from accord.contexts import assembly
from accord.entrypoints.cli import app
from accord.simulation.verb_list import REGENERATE, markdown

DOC = Path(__file__).parents[2] / "docs" / "scenarios.md"
runner = CliRunner()


def test_docs_scenarios_md_is_the_generated_text():
    assert DOC.read_text(encoding="utf-8") == markdown(), (
        f"docs/scenarios.md is stale: {REGENERATE}"
    )


def test_the_verbs_are_listed_with_their_keys_types_defaults_and_descriptions():
    listed = runner.invoke(app, ["scenario", "verbs"])
    assert listed.exit_code == 0, listed.output
    blocks = {block.split("\n", 1)[0]: block for block in _blocks(listed.output)}
    assert set(blocks) == set(assembly().verbs)
    suspension = blocks["request_suspension"]
    assert "  state: text or null, default null" in suspension
    assert "  note: text or null, default null" in suspension
    assert "The text or the reference of the note verbale" in suspension
    table = blocks["table_draft"]
    assert "  session: text (a name an earlier step gave with `as`), required" in table
    assert '  text: text, default ""' in table
    assert "The member concerned" in table
    assert "  units: list of names earlier steps gave with `as`, default []" in blocks["deploy"]
    assert "  requirements[].strength: integer, default absent" in blocks["state_requirements"]


def test_the_markdown_has_one_table_per_verb():
    listed = runner.invoke(app, ["scenario", "verbs", "--markdown"])
    assert listed.exit_code == 0
    assert listed.output == markdown()
    assert listed.output.count("\n## `") == len(assembly().verbs)
    assert "| `note` | text or null | `null` |" in listed.output


def _blocks(output: str) -> list[str]:
    blocks: list[str] = []
    for line in output.splitlines():
        if line and not line.startswith(" "):
            blocks.append(line)
        else:
            blocks[-1] += "\n" + line
    return blocks
