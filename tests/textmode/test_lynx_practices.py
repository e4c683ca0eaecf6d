"""A testimonial in lynx: its sections read in the order they were written."""

import pytest

from .test_lynx import lynx_dump

pytestmark = [
    pytest.mark.textmode,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_lynx_shows_a_practices_sections_in_order(
    live_server, make_practice, make_tool
):
    practice = make_practice(
        title="Repérer l'illettrisme sur un chantier",
        results="<p>Sept salariés formés.</p>",
        lessons="<p>Former toute l'équipe.</p>",
        further="<p>Un référentiel existe.</p>",
        contact="Par l'équipe d'animation.",
        tools=[make_tool(title="Référentiel des compétences clés")],
        terms={"audiences": ["actifs"]},
    )

    dump = lynx_dump(live_server.url + practice.url)

    positions = [
        dump.index(heading)
        for heading in [
            "Repérer l'illettrisme sur un chantier",
            "Contexte",
            "Public",
            "Ce que nous avons fait",
            "Résultats",
            "Conditions de réussite et difficultés",
            "Pour aller plus loin",
            "Contact",
            "Outils utilisés",
            "Classement",
        ]
    ]
    assert positions == sorted(positions)
    assert "Référentiel des compétences clés" in dump
