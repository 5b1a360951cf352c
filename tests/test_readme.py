"""The README's two newcomer commands stay true: CI runs the same test command."""

from __future__ import annotations

import re

from conftest import REPO


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    top = text.split("## Wat u krijgt")[0]
    return re.findall(r"```sh\n(.+?)\n```", top)


def test_readme_has_exactly_two_commands_near_the_top():
    commands = readme_commands()
    assert len(commands) == 2
    assert "verzamel build" in commands[0]
    assert "pytest" in commands[1] and "[test]" in commands[1]


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()
