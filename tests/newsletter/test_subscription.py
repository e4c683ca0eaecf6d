"""Double opt-in sign-up, topics, data, one-click unsubscribe, through SMTP."""

import json
import time
from urllib.parse import urlsplit

import pytest

from diese.newsletter.models import ConsentRecord, Subscriber, email_digest

from ..utils import text

SIGNUP_URL = "/lettre/"


def _form(**overrides):
    data = {
        "email": "Conseillere@Exemple.fr",
        "frequency": "weekly",
        "audiences": ["jeunes"],
        "themes": ["numerique"],
        "territory": "isere-38",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.fixture(autouse=True)
def _site(home):
    return home


def _path(url):
    return urlsplit(url).path


def test_every_page_offers_the_letter(client):
    html = text(client.get("/a-propos/"))

    assert 'action="/lettre/" method="get"' in html
    prefilled = text(client.get(SIGNUP_URL + "?email=a%40exemple.fr"))
    assert 'value="a@exemple.fr"' in prefilled


def test_sign_up_confirm_by_mail_then_subscribed_with_topics(client, smtp):
    response = client.post(SIGNUP_URL, _form())

    assert "Confirmez votre adresse" in text(response)
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "conseillere@exemple.fr"
    assert not subscriber.is_confirmed
    assert [a.slug for a in subscriber.audiences.all()] == ["jeunes"]
    assert subscriber.territory.code == "38"

    link = _path(smtp.link_in("conseillere@exemple.fr"))
    confirmed = client.get(link)

    assert "Inscription confirmée" in text(confirmed)
    subscriber.refresh_from_db()
    assert subscriber.is_confirmed
    record = ConsentRecord.objects.get()
    assert record.confirmed_at is not None
    assert record.email_digest == email_digest("conseillere@exemple.fr")

    again = client.get(link)
    assert "déjà confirmé" in text(again)


def test_expired_and_forged_confirmation_links(client, smtp, monkeypatch):
    from diese.newsletter import services

    client.post(SIGNUP_URL, _form())
    link = _path(smtp.link_in("conseillere@exemple.fr"))
    monkeypatch.setattr(services, "CONFIRM_MAX_AGE", 1)
    time.sleep(2.1)

    expired = client.get(link)
    forged = client.get("/lettre/confirmer/pas-un-jeton/")

    assert expired.status_code == 400 and "Ce lien a expiré" in text(expired)
    assert forged.status_code == 400 and "Ce lien n'est pas valide" in text(forged)
    assert not Subscriber.objects.get().is_confirmed


def test_bad_input_keeps_what_was_typed(client):
    response = client.post(SIGNUP_URL, _form(email="pas-une-adresse", consent=""))

    html = text(response)
    assert "Saisissez une adresse de courriel valide." in html
    assert "Cochez cette case pour vous abonner." in html
    assert 'value="pas-une-adresse"' in html
    assert not Subscriber.objects.exists()


def test_already_subscribed_is_not_revealed(client, smtp):
    client.post(SIGNUP_URL, _form())
    client.get(_path(smtp.link_in("conseillere@exemple.fr")))

    response = client.post(SIGNUP_URL, _form(themes=["sante"]))

    assert "Confirmez votre adresse" in text(response)
    assert "déjà abonnée" in smtp.last_body("conseillere@exemple.fr")
    assert Subscriber.objects.count() == 1
    assert [t.slug for t in Subscriber.objects.get().themes.all()] == ["numerique"]


def _confirmed_subscriber(client, smtp):
    client.post(SIGNUP_URL, _form())
    response = client.get(_path(smtp.link_in("conseillere@exemple.fr")))
    return response.context["manage_url"]


def test_subscriber_changes_topics_and_gets_their_data(client, smtp):
    manage_url = _confirmed_subscriber(client, smtp)

    client.post(manage_url, {"frequency": "monthly", "themes": ["sante"]})
    subscriber = Subscriber.objects.get()
    assert subscriber.frequency == "monthly"
    assert [t.slug for t in subscriber.themes.all()] == ["sante"]

    data = json.loads(client.get(manage_url + "donnees.json").content)
    assert data["adresse"] == "conseillere@exemple.fr"
    assert data["themes"] == ["Santé"]


def test_unsubscribe_by_link_asks_then_erases(client, smtp):
    manage_url = _confirmed_subscriber(client, smtp)
    unsubscribe_url = manage_url.replace("/abonnement/", "/desabonnement/")

    page = client.get(unsubscribe_url)
    assert "Me désabonner" in text(page)
    assert Subscriber.objects.exists()  # opening the link changes nothing

    done = client.post(unsubscribe_url)

    assert "Vous êtes désabonné" in text(done)
    assert not Subscriber.objects.exists()
    record = ConsentRecord.objects.get()
    assert record.withdrawn_at is not None
    assert "conseillere" not in record.email_digest


def test_one_click_unsubscribe_post_without_csrf(smtp, client):
    from django.test import Client

    manage_url = _confirmed_subscriber(client, smtp)
    unsubscribe_url = manage_url.replace("/abonnement/", "/desabonnement/")
    mail_client = Client(enforce_csrf_checks=True)

    response = mail_client.post(unsubscribe_url, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert not Subscriber.objects.exists()


def test_forged_unsubscribe_link_changes_nothing(client, smtp):
    _confirmed_subscriber(client, smtp)

    response = client.get("/lettre/desabonnement/faux-jeton/")
    client.post("/lettre/desabonnement/faux-jeton/")

    assert response.status_code == 400
    assert Subscriber.objects.count() == 1
