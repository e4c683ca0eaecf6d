"""The feed links are visible text, so lynx readers find them too."""

import pytest

from .test_lynx import lynx_dump

pytestmark = [
    pytest.mark.textmode,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_lynx_shows_the_feed_link_on_sections_and_term_pages(live_server, make_tool):
    make_tool(terms={"audiences": ["jeunes"]})

    for url in ["/outils/", "/publics/jeunes/"]:
        dump = lynx_dump(live_server.url + url)
        assert "S'abonner au flux (Atom)" in dump, dump
