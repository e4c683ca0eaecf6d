from django.core.management import call_command
from wagtail.models import Page, Site

from diese.accounts.models import User
from diese.core.models import HomePage, StandardPage
from diese.newsletter.models import Letter


def test_site_setup_is_idempotent(home):
    from diese.core.services import site_setup

    site_setup()

    assert HomePage.objects.count() == 1
    assert StandardPage.objects.count() == 5
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert not Page.objects.filter(title__startswith="Welcome").exists()


def test_load_demo_twice_gives_the_same_site_and_accounts(db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "autre-mot-de-passe-2026")
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)

    assert HomePage.objects.count() == 1
    expected = {
        "admin@exemple.fr": set(),
        "animatrice@exemple.fr": {"Animateur", "Membre"},
        "auteur@exemple.fr": {"Auteur", "Membre"},
        "membre@exemple.fr": {"Membre"},
    }
    for email, groups in expected.items():
        user = User.objects.get(email=email)
        assert set(user.groups.values_list("name", flat=True)) == groups
        assert user.check_password("autre-mot-de-passe-2026")
    assert User.objects.get(email="admin@exemple.fr").is_superuser
    # One draft letter, holding the demo content, for animators to try.
    letter = Letter.objects.get()
    assert letter.status == "draft"
    assert letter.items.count() >= 10
