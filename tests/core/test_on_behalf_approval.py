"""An Animateur writes on behalf of a busy professional, who approves the text
through a private link before publication."""

from urllib.parse import urlsplit

import pytest

from diese.core.enums import ApprovalStatus
from diese.core.models import ApprovalRequest

from ..utils import text

pytestmark = pytest.mark.ignore_template_errors  # Wagtail's admin templates


@pytest.fixture
def on_behalf_draft(make_tool, animator):
    tool = make_tool(
        title="Mallette des savoir-faire",
        collected_by=animator,
        collected_from="une formatrice de l'AFPA de Grenoble",
    )
    tool.unpublish()
    tool.description = "<p>Texte recueilli en entretien.</p>"
    tool.save_revision(user=animator)
    return tool


def test_professional_reads_the_draft_and_approves_it(
    client, animator, on_behalf_draft, smtp
):
    client.force_login(animator)
    form = client.get(f"/admin/relecture/{on_behalf_draft.pk}/")
    assert "une formatrice de l'AFPA de Grenoble" in text(form)

    client.post(
        f"/admin/relecture/{on_behalf_draft.pk}/",
        {"name": "Formatrice AFPA", "email": "formatrice@exemple.fr"},
    )
    client.logout()

    link = urlsplit(smtp.link_in("formatrice@exemple.fr")).path
    page = client.get(link)
    html = text(page)
    assert "Relecture avant publication" in html
    assert "Texte recueilli en entretien." in html
    assert "Propos recueillis par" in " ".join(html.split())
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    # Still a draft for everyone else.
    assert client.get("/outils/mallette-des-savoir-faire/").status_code == 404

    done = client.post(link, {"decision": "approve", "comment": ""})

    assert "Vous avez approuvé" in text(done)
    approval = ApprovalRequest.objects.get()
    assert approval.status == ApprovalStatus.APPROVED
    assert "texte approuvé" in smtp.for_address(animator.email)[-1]["Subject"]
    on_behalf_draft.refresh_from_db()
    assert not on_behalf_draft.live


def test_asking_for_changes_needs_a_comment_which_reaches_the_animator(
    client, animator, on_behalf_draft, smtp
):
    client.force_login(animator)
    client.post(
        f"/admin/relecture/{on_behalf_draft.pk}/",
        {"name": "Formatrice AFPA", "email": "formatrice@exemple.fr"},
    )
    client.logout()
    link = urlsplit(smtp.link_in("formatrice@exemple.fr")).path

    empty = client.post(link, {"decision": "changes", "comment": ""})
    assert "Dites ce qu'il faut modifier." in text(empty)

    client.post(link, {"decision": "changes", "comment": "Le prix a changé : 45 €."})

    assert ApprovalRequest.objects.get().status == ApprovalStatus.CHANGES_REQUESTED
    assert "Le prix a changé : 45 €." in smtp.last_body(animator.email)


def test_forged_link_gets_a_clear_page(client, home):
    response = client.get("/relecture/pas-un-vrai-lien/")

    assert response.status_code == 400
    assert "Lien de relecture invalide" in text(response)


def test_only_those_who_can_publish_send_for_approval(client, author, on_behalf_draft):
    client.force_login(author)

    response = client.post(
        f"/admin/relecture/{on_behalf_draft.pk}/",
        {"name": "X", "email": "x@exemple.fr"},
    )

    assert response.status_code in (302, 403)
    assert not ApprovalRequest.objects.exists()
