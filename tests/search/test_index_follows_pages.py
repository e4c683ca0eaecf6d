"""The index follows what editors do, by itself: publish, unpublish, move,
delete (modelsearch's signal handlers, run inline by the test task backend)."""

import pytest
from django.db import connection
from wagtail.models import PageViewRestriction

from ..factories import ToolPageFactory
from .helpers import found

TITLE = "Accompagner les femmes"
# SQLite's summary table (search migration 0006); its backend module cannot
# be imported on PostgreSQL.
SUMMARY_FTS = "search_summary_fts"


def test_publishing_a_draft_makes_it_found(client, tool_index):
    draft = ToolPageFactory.build(title=TITLE, live=False)
    tool_index.add_child(instance=draft)
    draft.save_revision()
    assert found(client, "femmes") == []

    draft.get_latest_revision().publish()

    assert found(client, "femmes") == [TITLE]


def test_unpublishing_hides_it(client, make_tool):
    page = make_tool(title=TITLE)
    assert found(client, "femmes") == [TITLE]

    page.unpublish()

    assert found(client, "femmes") == []


def test_moving_under_a_private_section_hides_it(client, make_tool):
    section = make_tool(title="Section réservée")
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.LOGIN
    )
    page = make_tool(title=TITLE)
    assert found(client, "femmes") == [TITLE]

    page.move(section, pos="last-child")

    assert found(client, "femmes") == []


def test_deleting_removes_it(client, make_tool):
    page = make_tool(title=TITLE)
    assert found(client, "femmes") == [TITLE]

    page.delete()

    assert found(client, "femmes") == []


def test_editing_replaces_its_words(client, make_tool):
    page = make_tool(title=TITLE)
    page.title = "Accompagner les seniors"
    page.save_revision().publish()

    assert found(client, "femmes") == []
    assert found(client, "seniors") == ["Accompagner les seniors"]


def test_editing_a_summary_moves_the_page_between_tiers(client, make_tool):
    make_tool(title="Atelier A", description="<p>Le jardinage.</p>")
    page = make_tool(title="Atelier B", summary="Un texte sans rapport.")
    page.description = "<p>Le jardinage.</p>"
    page.save_revision().publish()
    assert found(client, "jardinage") == ["Atelier B", "Atelier A"]

    older = type(page).objects.get(title="Atelier A")
    older.summary = "Le jardinage."
    older.save_revision().publish()

    # The summary tier comes before the body, whatever the dates.
    assert found(client, "jardinage") == ["Atelier A", "Atelier B"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own table")
def test_a_deleted_page_leaves_no_summary_behind(make_tool):
    page = make_tool(title=TITLE, summary="Un résumé.")
    make_tool(title="Une autre page", summary="Un autre résumé.")

    page.delete()

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM {SUMMARY_FTS} WHERE rowid NOT IN "
            "(SELECT id FROM wagtailsearch_indexentry)"
        )
        assert cursor.fetchone()[0] == 0
        cursor.execute(f"SELECT count(*) FROM {SUMMARY_FTS}")
        assert cursor.fetchone()[0] >= 1
