import os
import re
import shutil
import socket
from dataclasses import dataclass, field

import pytest
from aiosmtpd.controller import Controller

from diese.core.services import site_setup
from diese.library.models import LibraryIndexPage
from diese.news.models import NewsIndexPage
from diese.practices.models import PracticeIndexPage
from diese.tools.models import ToolIndexPage

from .factories import (
    DocumentPageFactory,
    EventPageFactory,
    NewsPageFactory,
    PracticePageFactory,
    ToolPageFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits live in the cache: each test starts with none used."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Keep the migrated data restorable for live-server tests.

    Django keeps a serialized copy of the migrated database (root page, roles,
    workflow) on the connection object, to restore it after each
    transactional test. Playwright's sync API switches greenlets, and the ORM
    then gets a fresh connection object without that copy; keeping it on the
    connection class makes every connection object carry it.
    """
    from django.db import connections

    for alias in connections:
        connection = connections[alias]
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            type(connection)._test_serialized_contents = contents


@pytest.fixture
def home(db):
    """The site as every install starts: home page and footer pages."""
    return site_setup()


@pytest.fixture
def tool_index(home):
    return ToolIndexPage.objects.get()


@pytest.fixture
def make_tool(tool_index):
    def make(**kwargs):
        return ToolPageFactory(parent=tool_index, **kwargs)

    return make


@pytest.fixture
def library_index(home):
    return LibraryIndexPage.objects.get()


@pytest.fixture
def make_document_page(library_index):
    def make(**kwargs):
        return DocumentPageFactory(parent=library_index, **kwargs)

    return make


@pytest.fixture
def practice_index(home):
    return PracticeIndexPage.objects.get()


@pytest.fixture
def make_practice(practice_index):
    def make(**kwargs):
        return PracticePageFactory(parent=practice_index, **kwargs)

    return make


@pytest.fixture
def news_index(home):
    return NewsIndexPage.objects.get()


@pytest.fixture
def make_news(news_index):
    def make(**kwargs):
        return NewsPageFactory(parent=news_index, **kwargs)

    return make


@pytest.fixture
def make_event(news_index):
    def make(**kwargs):
        return EventPageFactory(parent=news_index, **kwargs)

    return make


@pytest.fixture
def member(db):
    return UserFactory(member=True)


@pytest.fixture
def author(db):
    return UserFactory(author=True)


@pytest.fixture
def animator(db):
    return UserFactory(animator=True)


@pytest.fixture
def superuser(db):
    return UserFactory(admin=True)


@dataclass
class SmtpInbox:
    """Messages received by the loopback SMTP server."""

    host: str
    port: int
    messages: list = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        from email import message_from_bytes, policy

        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append(message)
        return "250 Message accepted for delivery"

    def for_address(self, address):
        return [m for m in self.messages if address in m["To"]]

    def last_body(self, address):
        (message,) = self.for_address(address)[-1:]
        part = message.get_body(preferencelist=("plain",))
        return part.get_content()

    def link_in(self, address):
        body = self.last_body(address)
        match = re.search(r"https?://\S+", body)
        assert match, body
        return match.group(0)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """A real SMTP server on loopback; Django sends its mail there."""
    inbox = SmtpInbox(host="127.0.0.1", port=_free_port())
    controller = Controller(inbox, hostname=inbox.host, port=inbox.port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = inbox.host
    settings.EMAIL_PORT = inbox.port
    settings.EMAIL_USE_TLS = False
    yield inbox
    controller.stop()


def require_binary(name):
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: run `make test`, which installs it.")
    return path


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    require_binary("chromium")
    # Playwright's sync API runs an event loop in this thread; the ORM calls
    # the tests make between browser steps are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()
