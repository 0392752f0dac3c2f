"""A search that finds nothing is said in the reader's language, with its exit code."""

from __future__ import annotations

import pytest
from conftest import RunCli


@pytest.mark.parametrize(
    ("args", "lang", "message"),
    [
        (("timeline", "--from", "2030"), "en", "cis-facts: no event matches these filters\n"),
        (
            ("timeline", "--from", "2030"),
            "kk",
            "cis-facts: бұл шарттарға сай келетін оқиға жоқ\n",
        ),
        (
            ("timeline", "--from", "2030"),
            "ru",
            "cis-facts: под эти условия не подходит ни одно событие\n",
        ),
        (("country", " "), "kk", "cis-facts: елдің атауы бос\n"),
        (("country", " "), "ru", "cis-facts: пустое название страны\n"),
        (
            ("resources", "--mineral", " "),
            "ru",
            "cis-facts: пустое название полезного ископаемого\n",
        ),
    ],
)
def test_nothing_found_is_said_in_the_language(
    run_cli: RunCli, args: tuple[str, ...], lang: str, message: str
) -> None:
    result = run_cli(*args, "--lang", lang)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", message)
