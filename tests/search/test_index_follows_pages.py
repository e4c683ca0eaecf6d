"""The index follows what editors do, by itself: publish, unpublish, move,
delete (modelsearch's signal handlers, run inline by the test task backend)."""

from wagtail.models import PageViewRestriction

from ..factories import ToolPageFactory
from .helpers import found

TITLE = "Accompagner les femmes"


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
