"""Title above summary above body; newer first within each."""

from datetime import timedelta

from django.utils import timezone

from .helpers import found

FILLER = "Un texte sans rapport avec le sujet de la recherche."


def test_title_ranks_above_summary_above_body(client, make_tool):
    # Created in the reverse order: newest first would put them backwards.
    make_tool(
        title="Premier : le jardinage", summary=FILLER, description=f"<p>{FILLER}</p>"
    )
    make_tool(
        title="Deuxième",
        summary=f"{FILLER} Le jardinage.",
        description=f"<p>{FILLER}</p>",
    )
    make_tool(
        title="Troisième",
        summary=FILLER,
        description=f"<p>{FILLER} Le jardinage.</p>",
    )

    assert found(client, "jardinage") == [
        "Premier : le jardinage",
        "Deuxième",
        "Troisième",
    ]


def test_equally_relevant_pages_come_newest_first(client, make_tool):
    pages = [make_tool(title=f"Le jardinage {n}", summary=FILLER) for n in "ABC"]
    now = timezone.now()
    for days, page in zip([5, 1, 9], pages, strict=True):
        type(page).objects.filter(pk=page.pk).update(
            first_published_at=now - timedelta(days=days)
        )

    assert found(client, "jardinage") == [
        "Le jardinage B",
        "Le jardinage A",
        "Le jardinage C",
    ]
