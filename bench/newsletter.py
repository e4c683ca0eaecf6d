"""Sending La Lettre to 10,000 subscribers through a local SMTP server.

    .venv/bin/python -m bench.newsletter [--subscribers 10000]

On a throwaway SQLite database (a temporary folder), it migrates, publishes
a few items, creates the confirmed subscribers (a quarter of them with
topics, so several renderings), builds a letter and sends it with the same
code the background task runs, to an aiosmtpd sink on loopback (in its own
process, as a real server would be) that only counts. It checks that the
sink received exactly one message per subscriber, prints the time and the
rate, and writes bench/results/newsletter.json. Target: 10,000 in 60 s or less.
"""

import argparse
import json
import multiprocessing
import os
import platform
import socket
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "newsletter.json"
TARGET_SECONDS = 60.0
# Bare messages sent first to the same sink: the reference of the run.
REFERENCE_MESSAGES = 1_000


def log(message: str) -> None:
    print(message, flush=True)  # noqa: T201


class CountingSink:
    """An SMTP handler that accepts and counts, keeping nothing."""

    def __init__(self):
        self.received = 0
        self.recipients = set()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.received += 1
        self.recipients.update(envelope.rcpt_tos)
        return "250 OK"


def _sink_process(port: int, pipe) -> None:
    """The SMTP sink in its own process, as a real server would be."""
    from aiosmtpd.controller import Controller

    sink = CountingSink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    pipe.send("ready")
    pipe.recv()  # "stop"
    controller.stop()
    pipe.send((sink.received, len(sink.recipients)))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _setup_django(folder: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["DIESE_VAR_DIR"] = str(folder)
    os.environ["DJANGO_SETTINGS_MODULE"] = "diese.settings.test"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _content():
    from diese.core.services import site_setup
    from diese.news.models import NewsIndexPage
    from diese.tools.models import ToolIndexPage
    from tests.factories import NewsPageFactory, ToolPageFactory

    site_setup()
    tools, news = ToolIndexPage.objects.get(), NewsIndexPage.objects.get()
    for n in range(6):
        ToolPageFactory(parent=tools, terms={"audiences": ["jeunes"]} if n % 2 else {})
        NewsPageFactory(parent=news, terms={"themes": ["sante"]} if n % 3 else {})


def _subscribers(count: int) -> None:
    from django.utils import timezone

    from diese.newsletter.models import Subscriber
    from diese.taxonomy.models import Audience, Theme

    now = timezone.now()
    Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=f"abonne{n}@exemple.fr",
                frequency="weekly" if n % 2 else "monthly",
                only_topics=n % 8 == 0,
                confirmed_at=now,
            )
            for n in range(count)
        ),
        batch_size=1000,
    )
    audiences = list(Audience.objects.order_by("pk")[:3])
    themes = list(Theme.objects.order_by("pk")[:3])
    audience_links, theme_links = [], []
    for n, pk in enumerate(Subscriber.objects.order_by("pk").values_list("pk")):
        if n % 4 == 0:
            audience_links.append(
                Subscriber.audiences.through(
                    subscriber_id=pk[0], audience=audiences[n % 3]
                )
            )
            theme_links.append(
                Subscriber.themes.through(subscriber_id=pk[0], theme=themes[n % 3])
            )
    Subscriber.audiences.through.objects.bulk_create(audience_links, batch_size=1000)
    Subscriber.themes.through.objects.bulk_create(theme_links, batch_size=1000)


def _bare_smtp(count: int, batch_size: int) -> float:
    """Seconds per message for plain two-part messages, no database, no
    rendering, in batches of the same size on one connection each: what
    the SMTP exchange alone costs on this machine."""
    from django.core.mail import EmailMultiAlternatives, get_connection

    started = time.perf_counter()
    for first in range(0, count, batch_size):
        messages = []
        for n in range(first, min(first + batch_size, count)):
            message = EmailMultiAlternatives(
                "Référence", "Texte.", to=[f"reference{n}@exemple.org"]
            )
            message.attach_alternative("<p>Texte.</p>", "text/html")
            messages.append(message)
        with get_connection() as connection:
            connection.send_messages(messages)
    return (time.perf_counter() - started) / count


def run(count: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-newsletter-") as folder:
        log("Migrating a fresh SQLite database…")
        _setup_django(Path(folder))
        from django.conf import settings

        from diese.newsletter import services
        from diese.newsletter.models import Delivery, Letter

        _content()
        log(f"Creating {count} confirmed subscribers…")
        _subscribers(count)
        letter = Letter.objects.create(
            subject="Banc d'essai", editorial="<p>Une lettre de test.</p>"
        )
        services.letter_fill(letter=letter)
        letter.status = "sending"
        letter.save()

        port = _free_port()
        pipe, child_pipe = multiprocessing.Pipe()
        sink = multiprocessing.get_context("spawn").Process(
            target=_sink_process, args=(port, child_pipe)
        )
        sink.start()
        assert pipe.recv() == "ready"
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        settings.EMAIL_USE_TLS = False
        try:
            log(f"Reference: {REFERENCE_MESSAGES} bare messages to the same sink…")
            reference = _bare_smtp(REFERENCE_MESSAGES, services.BATCH_SIZE)
            log(f"Sending to {count} subscribers through SMTP on 127.0.0.1:{port}…")
            started = time.perf_counter()
            letter = services.letter_send(letter=letter)
            seconds = time.perf_counter() - started
        finally:
            pipe.send("stop")
            received, recipients = pipe.recv()
            sink.join()
        # The sink counted the reference messages too.
        received -= REFERENCE_MESSAGES
        recipients -= REFERENCE_MESSAGES
        delivered = Delivery.objects.filter(letter=letter, status="sent").count()
        return {
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": platform.platform(),
            "python": platform.python_version(),
            "database": "sqlite",
            "subscribers": count,
            "items": letter.items.count(),
            "batch_size": services.BATCH_SIZE,
            "seconds": round(seconds, 2),
            "messages_per_second": round(received / seconds, 1),
            "received": received,
            "distinct_recipients": recipients,
            "deliveries_recorded": delivered,
            "letter_status": letter.status,
            "target_seconds": TARGET_SECONDS,
            "reference_ms_per_bare_message": round(reference * 1000, 3),
            "ratio_to_bare_smtp": round(seconds / count / reference, 1),
        }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    args = parser.parse_args(argv)

    result = run(args.subscribers)
    count = result["subscribers"]
    result["ok"] = (
        result["received"] == count
        and result["distinct_recipients"] == count
        and result["deliveries_recorded"] == count
        and result["seconds"] <= TARGET_SECONDS
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    log(
        f"{result['received']} messages received for {count} subscribers in "
        f"{result['seconds']} s ({result['messages_per_second']} messages/s, "
        f"target ≤ {TARGET_SECONDS:.0f} s): {'OK' if result['ok'] else 'ÉCHEC'}"
    )
    log(
        f"Reference: {result['reference_ms_per_bare_message']} ms per bare message; "
        f"a letter costs {result['ratio_to_bare_smtp']} times that"
    )
    log(f"Written to {RESULTS.relative_to(ROOT)}")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
