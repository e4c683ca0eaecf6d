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
