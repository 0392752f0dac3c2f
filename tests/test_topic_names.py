"""Every topic of the packaged base has a name in each language, shown as its group label."""

from __future__ import annotations

import pytest
from conftest import RunCli

from cis_facts.i18n import TABLES
from cis_facts.loader import load


@pytest.mark.parametrize("lang", sorted(TABLES))
def test_every_topic_has_a_name(lang: str) -> None:
    base = load()
    topics = {f.topic for f in base.figures} | {s.topic for s in base.statements}
    missing = sorted(t for t in topics if f"topic.{t}" not in TABLES[lang])
    assert missing == []


@pytest.mark.parametrize(
    ("lang", "name"),
    [("en", "What the CIS is"), ("kk", "ТМД-ның сипаты"), ("ru", "Что такое СНГ")],
)
def test_group_label_is_the_topic_name(run_cli: RunCli, lang: str, name: str) -> None:
    result = run_cli("statements", "cis-nature", "--format", "table", "--lang", lang, width=100)
    assert result.exit_code == 0, result.stderr
    assert name in result.stdout
    assert "cis-nature" not in result.stdout
