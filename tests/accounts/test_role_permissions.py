"""Each role against each protected action: who can, who cannot."""

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from diese.core.models import StandardPage

from ..factories import UserFactory

# Wagtail's admin templates read optional variables; only ours are held strict.
pytestmark = pytest.mark.ignore_template_errors

ROLES = ["anonymous", "member", "author", "animator", "superuser"]


@pytest.fixture
def people(db):
    return {
        "anonymous": None,
        "member": UserFactory(member=True),
        "author": UserFactory(author=True),
        "animator": UserFactory(animator=True),
        "superuser": UserFactory(admin=True),
    }


@pytest.fixture
def others_draft(home):
    """A draft written by another author."""
    page = home.add_child(
        instance=StandardPage(
            title="Brouillon d'un autre auteur",
            slug="brouillon",
            live=False,
            owner=UserFactory(author=True),
        )
    )
    page.save_revision()
    return page


def _client_for(client, people, role):
    if people[role] is not None:
        client.force_login(people[role])
    return client


def _page_form(title, action):
    data = nested_form_data(
        {"title": title, "slug": "", "intro": "", "body": streamfield([])}
    )
    data["slug"] = title.lower().replace(" ", "-")
    data[action] = "1"
    return data


# role -> can it? for each admin page
ADMIN_PAGES = {
    "/admin/": {"member": False, "author": True, "animator": True, "superuser": True},
    "/admin/users/": {
        "member": False,
        "author": False,
        "animator": False,
        "superuser": True,
    },
    "/admin/snippets/accounts/organisation/": {
        "member": False,
        "author": False,
        "animator": True,
        "superuser": True,
    },
    "/admin/snippets/taxonomy/audience/": {
        "member": False,
        "author": False,
        "animator": True,
        "superuser": True,
    },
    "/admin/groups/": {
        "member": False,
        "author": False,
        "animator": False,
        "superuser": True,
    },
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_admin_areas(client, home, people, role, url):
    response = _client_for(client, people, role).get(url)

    if role == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith("/compte/connexion/")
    elif ADMIN_PAGES[url][role]:
        assert response.status_code == 200
    else:
        assert response.status_code in (302, 403)


CAN_WRITE = {"member": False, "author": True, "animator": True, "superuser": True}
CAN_PUBLISH = {"member": False, "author": False, "animator": True, "superuser": True}


@pytest.mark.parametrize("role", ROLES[1:])
def test_create_a_draft(client, home, people, role):
    url = f"/admin/pages/add/core/standardpage/{home.pk}/"
    client = _client_for(client, people, role)

    response = client.post(url, _page_form("Page de test", "action-save"))

    created = StandardPage.objects.filter(slug="page-de-test").first()
    if CAN_WRITE[role]:
        assert response.status_code == 302, response.content.decode()[:500]
        assert created is not None and not created.live
    else:
        assert created is None


@pytest.mark.parametrize("role", ROLES[1:])
def test_publish(client, home, people, role):
    url = f"/admin/pages/add/core/standardpage/{home.pk}/"
    client = _client_for(client, people, role)

    client.post(url, _page_form("Page publiée", "action-publish"))

    created = StandardPage.objects.filter(slug="page-publiée").first()
    live = created is not None and created.live
    assert live is CAN_PUBLISH[role]


def test_author_submits_for_validation_and_only_an_animator_can_approve(
    client, home, people
):
    author, animator = people["author"], people["animator"]
    client.force_login(author)

    client.post(
        f"/admin/pages/add/core/standardpage/{home.pk}/",
        _page_form("Fiche soumise", "action-submit"),
    )

    page = StandardPage.objects.get(slug="fiche-soumise")
    state = page.current_workflow_state
    assert state is not None
    assert state.workflow.name == "Validation par l'équipe d'animation"
    task = state.current_task_state.task.specific
    assert task.get_actions(page, author) == []
    assert task.get_actions(page, people["member"]) == []
    actions = [name for name, *_ in task.get_actions(page, animator)]
    assert "approve" in actions and "reject" in actions

    state.current_task_state.task.specific.on_action(
        state.current_task_state, animator, "approve"
    )
    page.refresh_from_db()
    assert page.live


@pytest.mark.parametrize(
    "role,can", [("author", False), ("animator", True), ("superuser", True)]
)
def test_edit_someone_elses_draft(client, others_draft, people, role, can):
    client = _client_for(client, people, role)

    response = client.get(f"/admin/pages/{others_draft.pk}/edit/")

    assert (response.status_code == 200) is can


def test_author_can_edit_their_own_draft(client, home, people):
    author = people["author"]
    page = home.add_child(
        instance=StandardPage(
            title="Mon brouillon", slug="mien", live=False, owner=author
        )
    )
    client.force_login(author)

    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    assert not page.permissions_for_user(author).can_publish()
    assert (
        Page.objects.get(pk=page.pk)
        .permissions_for_user(people["animator"])
        .can_publish()
    )


def test_administrator_edits_profile_fields_in_wagtail_user_admin(client, people):
    admin, member = people["superuser"], people["member"]
    client.force_login(admin)

    html = client.get(f"/admin/users/edit/{member.pk}/").content.decode()

    assert 'name="job_title"' in html
    assert 'name="organisation"' in html
    assert 'name="email"' in html
