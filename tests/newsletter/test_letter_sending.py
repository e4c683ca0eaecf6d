"""Sending a letter through a real SMTP server: one copy each, both parts,
one-click unsubscribe, and a resume after the server failed midway."""

import io
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from diese.newsletter import services
from diese.newsletter.models import Delivery, Subscriber

from ..conftest import SmtpInbox


@pytest.fixture
def readers(make_subscriber):
    return [
        make_subscriber("jeunes@exemple.fr", audiences=["jeunes"]),
        make_subscriber("sante@exemple.fr", themes=["sante"], only_topics=True),
        make_subscriber("tout@exemple.fr", frequency="monthly"),
    ]


@pytest.fixture
def letter(make_letter, make_tool, make_news):
    make_tool(title="Outil pour les jeunes", terms={"audiences": ["jeunes"]})
    make_news(title="Brève santé", terms={"themes": ["sante"]})
    return make_letter(editorial="<p>Bonne lecture, et <b>bonne rentrée</b>.</p>")


def _send(letter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_send_now(letter=letter)
    letter.refresh_from_db()
    return letter


def test_each_confirmed_subscriber_gets_one_copy_with_both_parts(
    smtp, readers, letter, make_subscriber, django_capture_on_commit_callbacks
):
    make_subscriber("pas-confirme@exemple.fr", confirmed=False)

    letter = _send(letter, django_capture_on_commit_callbacks)

    assert letter.status == "sent" and letter.sent_at is not None
    assert sorted(m["To"] for m in smtp.messages) == sorted(r.email for r in readers)
    message = smtp.for_address("jeunes@exemple.fr")[0]
    assert (
        message["Subject"] == f"La Lettre n° {letter.number} : Les nouveautés du mois"
    )
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].strip().startswith("<http")
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "Bonne lecture, et bonne rentrée." in text
    assert "Outil pour les jeunes" in text and "Brève santé" in text
    assert '<html lang="fr">' in html and "<b>bonne rentrée</b>" in html
    assert "<img" not in html
    only_health = smtp.last_body("sante@exemple.fr")
    assert "Brève santé" in only_health and "Outil pour les jeunes" not in only_health
    assert Delivery.objects.filter(letter=letter, status="sent").count() == 3


def test_weekly_letter_skips_monthly_subscribers(
    smtp, readers, make_letter, django_capture_on_commit_callbacks
):
    letter = _send(make_letter(audience="weekly"), django_capture_on_commit_callbacks)

    assert letter.status == "sent"
    assert smtp.for_address("tout@exemple.fr") == []
    assert len(smtp.messages) == 2


def test_one_click_unsubscribe_from_the_letter_headers(
    smtp, readers, letter, django_capture_on_commit_callbacks
):
    _send(letter, django_capture_on_commit_callbacks)
    header = smtp.for_address("tout@exemple.fr")[0]["List-Unsubscribe"]
    url = header.strip().strip("<>")

    # What a mail provider does (RFC 8058): a POST, no cookie, no CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        url,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert not Subscriber.objects.filter(email="tout@exemple.fr").exists()
    # The delivery stays, without the address, for the figures.
    assert Delivery.objects.filter(subscriber=None, status="sent").count() == 1


class FlakyInbox(SmtpInbox):
    """Accepts `limit` messages, then refuses every message (server failing)."""

    limit: int | None = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        if self.limit is not None and len(self.messages) >= self.limit:
            return "451 4.3.0 Panne temporaire"
        return await super().handle_DATA(server, session, envelope)


def test_smtp_failure_midway_then_resume_sends_exactly_one_copy_each(
    smtp,
    make_subscriber,
    letter,
    settings,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    readers = [make_subscriber(f"lecteur{n}@exemple.fr") for n in range(7)]
    inbox = FlakyInbox(host=smtp.host, port=smtp.port)
    inbox.limit = 3
    settings.EMAIL_PORT = inbox.port = _free_port()
    controller = Controller(inbox, hostname=inbox.host, port=inbox.port)
    controller.start()
    try:
        # Batches of 2: the first is sent, the second half sent, then refusals.
        monkeypatch.setattr(services, "BATCH_SIZE", 2)
        letter = _send(letter, django_capture_on_commit_callbacks)
        assert letter.status == "sending"
        assert "Panne temporaire" in letter.last_error
        assert len(inbox.messages) == 3

        # The server is now down altogether: nothing changes, nothing is lost.
        controller.stop()
        letter = _send(letter, django_capture_on_commit_callbacks)
        assert letter.status == "sending"
        assert Delivery.objects.filter(letter=letter, status="sent").count() == 3

        # Back up: the periodic command resumes where it stopped.
        inbox.limit = None
        controller = Controller(inbox, hostname=inbox.host, port=inbox.port)
        controller.start()
        output = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_due_letters", stdout=output)
    finally:
        controller.stop()

    assert f"La Lettre n° {letter.number}" in output.getvalue()
    letter.refresh_from_db()
    assert letter.status == "sent" and letter.last_error == ""
    received = sorted(m["To"] for m in inbox.messages)
    assert received == sorted(r.email for r in readers)  # each exactly once

    # Sending again never sends a second copy.
    services.letter_send(letter=letter)
    assert len(inbox.messages) == 7


def test_a_delivery_left_pending_by_a_crash_is_not_sent_again(
    smtp, readers, letter, django_capture_on_commit_callbacks
):
    Delivery.objects.create(letter=letter, subscriber=readers[0], status="pending")

    letter = _send(letter, django_capture_on_commit_callbacks)

    assert smtp.for_address(readers[0].email) == []
    assert len(smtp.messages) == 2


def _free_port():
    from ..conftest import _free_port

    return _free_port()


# The worker closes its database connection when done, as a separate process
# would: the test cannot run inside a transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_retries_by_itself_after_an_smtp_failure(
    smtp, settings, make_subscriber, letter
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    readers = [make_subscriber(f"lecteur{n}@exemple.fr") for n in range(3)]
    working_port, settings.EMAIL_PORT = settings.EMAIL_PORT, _free_port()  # down

    services.letter_send_now(letter=letter)
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    letter.refresh_from_db()
    assert letter.status == "sending" and letter.last_error
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.task_path == "diese.newsletter.tasks.send_letter"
    assert retry.run_after > timezone.now() + timedelta(minutes=5)

    # Later, with the server back, the queued retry finishes the job.
    settings.EMAIL_PORT = working_port
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    letter.refresh_from_db()
    assert letter.status == "sent"
    assert sorted(m["To"] for m in smtp.messages) == sorted(r.email for r in readers)
    assert not DBTaskResult.objects.filter(status="READY").exists()
