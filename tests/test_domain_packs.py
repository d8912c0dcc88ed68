"""Domain packs stack: the general pack, the minerals pack on top, and a user's folder."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from filon.cli import app
from filon.cli.options import packs_spec
from filon.domains.gazetteer import load_gazetteer
from filon.domains.pack import merge, pack_names, read_csv, read_yaml
from filon.errors import DomainError
from filon.pipeline.events.lexicon import load_event_lexicon


def test_packs_merge_concatenates_lists_and_lets_the_top_win():
    base = {"a": [1], "b": {"values": ["x"], "source": "s"}, "c": 1}
    top = {"a": [2], "b": {"values": ["y"]}, "c": 2, "d": 3}
    assert merge(base, top) == {"a": [1, 2], "b": {"values": ["x", "y"], "source": "s"}, "c": 2,
                                "d": 3}


def test_packs_stack_names_and_unknown_pack():
    assert pack_names("general+minerals") == ["general", "minerals"]
    with pytest.raises(DomainError, match="no domain pack 'fisheries'"):
        read_csv("general+fisheries", "actors.csv")


def test_packs_general_alone_knows_deals_and_states_but_no_resources():
    general = load_event_lexicon("general")
    both = load_event_lexicon("general+minerals")
    assert "accord" in general.agreement_nouns and general.resources == {}
    assert "lithium" in {r.name.lower() for r in both.resources.values()}
    assert {t.type for t in general.triggers.values()}.isdisjoint({"export_control"})
    assert "export_control" in {t.type for t in both.triggers.values()}
    assert load_gazetteer("general").lookup("Lynas") is None
    assert load_gazetteer("general+minerals").lookup("Lynas") is not None
    assert load_gazetteer("general").lookup("OMS").name == "World Health Organization"


def test_packs_a_users_folder_adds_actors_and_cues(tmp_path):
    pack = tmp_path / "fisheries"
    pack.mkdir()
    (pack / "actors.csv").write_text(
        "id,name,name_fr,type,label,gender,country,aliases,iso,source\n"
        "filon:cnpmem,CNPMEM,CNPMEM,business_group,ORG,,Q142,Comité national des pêches,,test\n",
        encoding="utf-8")
    (pack / "event_triggers.yaml").write_text(
        "agreement_nouns:\n  - {lemma: quota, source: test}\n", encoding="utf-8")
    spec = f"general+{pack}"
    assert load_gazetteer(spec).lookup("Comité national des pêches").id == "filon:cnpmem"
    lexicon = read_yaml(spec, "event_triggers.yaml")
    nouns = [n["lemma"] for n in lexicon["agreement_nouns"]]
    assert nouns[0] == "accord" and nouns[-1] == "quota"


def test_packs_cli_pack_option_builds_the_stack(tmp_path):
    assert packs_spec(None) == "general+minerals"
    assert packs_spec(["minerals"]) == "general+minerals"
    assert packs_spec(["general"]) == "general"
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--pack", "fisheries"])
    # `filon` (filon.cli.main) prints a DomainError as one line and exits 2
    assert isinstance(result.exception, DomainError)
    assert "no domain pack 'fisheries'" in str(result.exception)
