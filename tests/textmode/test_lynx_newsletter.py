"""La Lettre's sign-up form reads and works in lynx."""

import pytest

from .test_lynx import lynx_dump

pytestmark = [
    pytest.mark.textmode,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_lynx_shows_the_sign_up_form(live_server, home):
    dump = lynx_dump(live_server.url + "/lettre/?email=a%40exemple.fr")

    assert "Votre adresse e-mail (obligatoire) a@exemple.fr" in " ".join(dump.split())
    assert "(*) Une fois par mois" in dump
    assert "[ ] Jeunes" in dump
    assert "(BUTTON) M'abonner" in dump


def test_lynx_reads_the_letter_archive(live_server, make_tool):
    from django.utils import timezone

    from diese.newsletter import services
    from diese.newsletter.models import Letter

    make_tool(title="Outil de la lettre", summary="Pour repérer les compétences.")
    letter = Letter.objects.create(subject="Spécial rentrée")
    services.letter_fill(letter=letter)
    Letter.objects.filter(pk=letter.pk).update(status="sent", sent_at=timezone.now())

    archive = lynx_dump(live_server.url + "/lettre/archives/")
    issue = lynx_dump(live_server.url + "/lettre/archives/1/")

    assert "La Lettre n° 1 : Spécial rentrée" in archive
    lines = [line.strip() for line in issue.splitlines()]
    assert "La Lettre n° 1 : Spécial rentrée" in lines
    assert "Fiches outils" in lines
    assert "* Outil de la lettre" in lines
    assert "Pour repérer les compétences." in lines


def test_lynx_can_subscribe(live_server, home, tmp_path):
    """lynx keeps the CSRF cookie and posts the form as a person would."""
    import re
    import subprocess

    from diese.newsletter.models import Subscriber

    from ..conftest import require_binary

    lynx = require_binary("lynx")
    url = live_server.url + "/lettre/"
    cookies = str(tmp_path / "cookies")
    config = tmp_path / "lynx.cfg"
    config.write_text("INCLUDE:/etc/lynx/lynx.cfg\nPERSISTENT_COOKIES:TRUE\n")
    common = [
        lynx,
        f"-cfg={config}",
        "-accept_all_cookies",
        f"-cookie_file={cookies}",
        f"-cookie_save_file={cookies}",
        "-display_charset=utf-8",
    ]
    source = subprocess.run(
        [*common, "-source", url], capture_output=True, text=True, check=True
    ).stdout
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', source)[1]
    fields = (
        f"csrfmiddlewaretoken={token}&email=lynx%40exemple.fr&frequency=monthly"
        "&audiences=jeunes&consent=on&website="
    )

    answer = subprocess.run(
        [*common, "-dump", "-nolist", "-post_data", url],
        input=fields + "\n---\n",
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout

    assert "Confirmez votre adresse" in answer, answer
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "lynx@exemple.fr"
    assert [a.slug for a in subscriber.audiences.all()] == ["jeunes"]
