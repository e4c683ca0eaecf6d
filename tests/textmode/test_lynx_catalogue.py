"""A fiche and the tool list's filter form in lynx."""

import pytest

from .test_lynx import lynx_dump

pytestmark = [
    pytest.mark.textmode,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_lynx_shows_a_fiches_sections(live_server, make_tool):
    tool = make_tool(
        title="Mallette numérique",
        observations="<p>Pour les groupes.</p>",
        how_to_get="<p>Chez l'éditeur.</p>",
        terms={"audiences": ["jeunes"]},
    )

    dump = lynx_dump(live_server.url + tool.url)

    positions = [
        dump.index(heading)
        for heading in [
            "Mallette numérique",
            "Objectifs",
            "Description",
            "Observations",
            "Comment se procurer l'outil",
            "Classement",
        ]
    ]
    assert positions == sorted(positions)
    assert "Gratuit" in dump


def test_lynx_shows_a_usable_filter_form(live_server, make_tool):
    make_tool(title="Jeu des métiers", terms={"audiences": ["jeunes"]})

    dump = lynx_dump(live_server.url + "/outils/?public=jeunes")

    assert "[X] Jeunes (1)" in dump
    assert "(BUTTON) Filtrer" in dump
    assert "Public : Jeunes" in dump  # the active filter, removable
    assert "1 résultat" in dump
