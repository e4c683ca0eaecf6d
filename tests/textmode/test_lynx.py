"""The text-browser promise: every shell page reads well in `lynx -dump`."""

import subprocess

import pytest

from ..conftest import require_binary
from ..core.test_shell_pages import MENU_LABELS, SHELL_PAGES

pytestmark = [
    pytest.mark.textmode,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def lynx_dump(url):
    lynx = require_binary("lynx")
    result = subprocess.run(
        [lynx, "-dump", "-nolist", "-display_charset=utf-8", url],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return result.stdout


@pytest.mark.parametrize("url", SHELL_PAGES)
def test_lynx_shows_the_menu_and_the_main_heading(live_server, home, url):
    dump = lynx_dump(live_server.url + url)

    lines = [line.strip() for line in dump.splitlines()]
    for label in MENU_LABELS:
        assert f"* {label}" in lines, dump
    # lynx shows the feeds a page announces (<link rel="alternate">) on a
    # "#" toolbar line above the page itself.
    assert lines[0].startswith("#Diese — toutes les nouveautés"), dump
    page_lines = [line for line in lines[1:] if line]
    assert page_lines[0] == "Aller au contenu", dump


def test_lynx_home_shows_what_the_site_is(live_server, home):
    dump = lynx_dump(live_server.url + "/")

    assert "Diese, le site des professionnels de l'insertion" in dump
    assert "Dernières publications" in dump
    # The menu comes before the content, and the content is not buried.
    assert dump.index("Outils") < dump.index("Dernières publications") < 1500


def test_lynx_sign_in_page_shows_the_site_name_and_a_usable_form(live_server, home):
    dump = lynx_dump(live_server.url + "/compte/connexion/")

    assert "Diese Le site des professionnels de l'insertion" in dump
    assert "Adresse e-mail (obligatoire) ____" in dump
    assert "Mot de passe (obligatoire) ____" in dump
