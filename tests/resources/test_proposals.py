"""Anyone proposes; an Animateur accepts or refuses; the proposer is told."""

import pytest

from diese.resources.enums import ProposalStatus
from diese.resources.models import Proposal, ResourceIndexPage, ResourcePage
from diese.tools.models import ToolPage

from ..factories import ResourcePageFactory
from ..utils import text

PROPOSE_URL = "/proposer/"

# The admin screens are Wagtail's; only our templates are held strict.
pytestmark = pytest.mark.ignore_template_errors


def _form(**overrides):
    data = {
        "kind": "ressource",
        "title": "Mes droits sociaux",
        "link": "https://www.mesdroitssociaux.gouv.fr/",
        "reason": "Un simulateur simple des aides sociales.\nTrès utile en entretien.",
        "email": "proposante@exemple.fr",
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.fixture(autouse=True)
def _site(home):
    return home


def test_anyone_proposes_and_nothing_is_public_before_acceptance(client):
    page = client.get(PROPOSE_URL + "?type=outil")
    assert 'value="outil" required id="id_kind_1" checked' in text(page).replace(
        "checked required", "required"
    ) or "checked" in text(page)

    response = client.post(PROPOSE_URL, _form())

    assert "Merci" in text(response)
    proposal = Proposal.objects.get()
    assert proposal.status == ProposalStatus.PENDING
    assert not ResourcePage.objects.exists()
    assert "Mes droits sociaux" not in text(client.get("/ressources/"))


def test_bad_input_is_explained_and_kept(client):
    response = client.post(
        PROPOSE_URL, _form(link="pas une adresse", email="", title="Mon outil")
    )

    html = text(response)
    assert "Saisissez une adresse web complète" in html
    assert "Champ requis." in html
    assert 'value="Mon outil"' in html
    assert "Un simulateur simple des aides sociales." in html
    assert not Proposal.objects.exists()


def test_duplicate_proposals_and_published_links_are_refused(client):
    client.post(PROPOSE_URL, _form())

    again = client.post(PROPOSE_URL, _form(link="http://mesdroitssociaux.gouv.fr"))
    assert "déjà été proposé" in text(again)

    ResourcePageFactory(
        parent=ResourceIndexPage.objects.get(),
        website="https://www.legifrance.gouv.fr/",
    )
    published = client.post(
        PROPOSE_URL, _form(link="https://legifrance.gouv.fr", title="Légifrance")
    )
    assert "déjà publié" in text(published)
    assert Proposal.objects.count() == 1


def test_honeypot_and_rate_limit(client):
    client.post(PROPOSE_URL, _form(website="spam"))
    assert not Proposal.objects.exists()

    for n in range(4):
        client.post(PROPOSE_URL, _form(link=f"https://site{n}.example.org/"))
    response = client.post(PROPOSE_URL, _form(link="https://site9.example.org/"))

    assert response.status_code == 429
    assert Proposal.objects.count() == 4


def test_animator_accepts_and_publishes_then_proposer_is_told(
    client, animator, smtp, django_capture_on_commit_callbacks
):
    client.post(PROPOSE_URL, _form())
    proposal = Proposal.objects.get()
    client.force_login(animator)

    queue = client.get("/admin/proposals/")
    assert "Mes droits sociaux" in text(queue)
    inspect = client.get(f"/admin/proposals/inspect/{proposal.pk}/")
    assert "Accepter" in text(inspect)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/propositions/{proposal.pk}/accepter/",
            {"publish": "on", "category": "services"},
        )

    page = ResourcePage.objects.get()
    assert page.live and page.category == "services"
    assert page.website == "https://www.mesdroitssociaux.gouv.fr/"
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    assert proposal.decided_by == animator
    client.logout()
    assert "Mes droits sociaux" in text(client.get("/ressources/"))
    (mail,) = smtp.for_address("proposante@exemple.fr")
    assert "acceptée" in mail["Subject"]
    assert "/ressources/mes-droits-sociaux/" in smtp.last_body("proposante@exemple.fr")


def test_accepting_as_draft_prefills_a_tool_page_to_complete(client, animator):
    client.post(PROPOSE_URL, _form(kind="outil", title="Jeu des métiers"))
    proposal = Proposal.objects.get()
    client.force_login(animator)

    response = client.post(f"/admin/propositions/{proposal.pk}/accepter/", {})

    tool = ToolPage.objects.get()
    assert not tool.live
    assert response.url == f"/admin/pages/{tool.pk}/edit/"
    assert tool.get_latest_revision() is not None
    assert "Très utile en entretien." in tool.description


def test_refusal_needs_a_reason_which_is_emailed(
    client, animator, smtp, django_capture_on_commit_callbacks
):
    client.post(PROPOSE_URL, _form())
    proposal = Proposal.objects.get()
    client.force_login(animator)
    url = f"/admin/propositions/{proposal.pk}/refuser/"

    empty = client.post(url, {"reason": ""})
    assert "Indiquez le motif du refus." in text(empty)
    proposal.refresh_from_db()
    assert proposal.is_pending

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"reason": "Ce site est déjà présenté dans une autre fiche."})

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.REFUSED
    body = smtp.last_body("proposante@exemple.fr")
    assert "Ce site est déjà présenté dans une autre fiche." in body
    assert not ResourcePage.objects.exists()


@pytest.mark.parametrize("role", ["member", "author"])
def test_only_animators_moderate(client, request, role):
    client.post(PROPOSE_URL, _form())
    proposal = Proposal.objects.get()
    client.force_login(request.getfixturevalue(role))

    assert client.get("/admin/proposals/").status_code in (302, 403)
    response = client.post(
        f"/admin/propositions/{proposal.pk}/accepter/", {"publish": "on"}
    )
    assert response.status_code in (302, 403)
    proposal.refresh_from_db()
    assert proposal.is_pending
