"""La Lettre's sign-up in a real browser, with axe."""

import pytest
from playwright.sync_api import expect

from diese.newsletter.models import Subscriber

from .test_shell_accessibility import _violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_sign_up_from_the_footer_has_no_axe_violation(page, live_server, home):
    page.goto(live_server.url + "/a-propos/")
    page.get_by_label("Recevoir La Lettre (gratuite, chaque mois)").fill(
        "lectrice@exemple.fr"
    )
    page.get_by_role("button", name="S'abonner").click()

    expect(page.get_by_label("Votre adresse e-mail")).to_have_value(
        "lectrice@exemple.fr"
    )
    assert _violations(page) == []
    page.get_by_label("Jeunes").check()
    page.get_by_label("J'accepte de recevoir La Lettre").check()
    page.get_by_role("button", name="M'abonner").click()

    expect(page.get_by_role("heading", name="Confirmez votre adresse")).to_be_visible()
    assert _violations(page) == []
    assert Subscriber.objects.get().email == "lectrice@exemple.fr"


def test_letter_archive_has_no_axe_violation(page, live_server, make_tool):
    from django.utils import timezone

    from diese.newsletter import services
    from diese.newsletter.models import Letter

    make_tool(title="Outil de la lettre")
    letter = Letter.objects.create(
        subject="Spécial rentrée", editorial="<p>Bonne lecture.</p>"
    )
    services.letter_fill(letter=letter)
    Letter.objects.filter(pk=letter.pk).update(status="sent", sent_at=timezone.now())

    page.goto(live_server.url + "/lettre/")
    page.get_by_role("link", name="Lire les lettres déjà envoyées").click()

    expect(page.get_by_role("heading", name="Les lettres envoyées")).to_be_visible()
    assert _violations(page) == []
    page.get_by_role("link", name="La Lettre n° 1 : Spécial rentrée").click()

    expect(page.get_by_role("heading", name="Fiches outils")).to_be_visible()
    expect(page.get_by_role("link", name="Outil de la lettre")).to_be_visible()
    assert _violations(page) == []
