"""Sent letters are public in the archive; drafts and scheduled ones are not."""

import pytest
from django.utils import timezone

from diese.newsletter.models import Letter

from ..utils import text


@pytest.fixture
def sent(make_letter, make_tool):
    make_tool(title="Outil envoyé", summary="Pour repérer les compétences.")
    letter = make_letter(
        subject="Spécial compétences", editorial="<p>Le mot de l'équipe.</p>"
    )
    Letter.objects.filter(pk=letter.pk).update(status="sent", sent_at=timezone.now())
    return letter


def test_archive_lists_only_sent_letters(client, sent, make_letter):
    draft = make_letter(subject="Brouillon secret")
    scheduled = make_letter(subject="Programmée secrète")
    Letter.objects.filter(pk=scheduled.pk).update(
        status="scheduled", scheduled_at=timezone.now()
    )

    html = text(client.get("/lettre/archives/"))

    assert f"La Lettre n° {sent.number} : Spécial compétences" in html
    assert "secret" not in html
    assert client.get(f"/lettre/archives/{draft.number}/").status_code == 404
    assert client.get(f"/lettre/archives/{scheduled.number}/").status_code == 404


def test_a_sent_letter_reads_in_the_site(client, sent):
    html = text(client.get(f"/lettre/archives/{sent.number}/"))

    assert '<html lang="fr"' in html
    assert "<h1>La Lettre n° 1 : Spécial compétences</h1>" in html
    assert "Le mot de l'équipe." in html
    assert "<h2>Fiches outils</h2>" in html
    assert "Outil envoyé" in html and "Pour repérer les compétences." in html


def test_sign_up_page_links_to_the_archive(client, home):
    assert 'href="/lettre/archives/"' in text(client.get("/lettre/"))
