import html

from django.db import connection
from django.test.utils import CaptureQueriesContext


def text(response) -> str:
    """A response's HTML with entities decoded, for asserting what people read."""
    return html.unescape(response.content.decode())


# Terms on every facet, so that every facet's count query runs.
EVERY_FACET = {
    "audiences": ["jeunes", "femmes"],
    "themes": ["numerique"],
    "practitioners": ["formateur"],
    "territories": ["isere-38"],
}


def query_counts(client, url, add_items, *, few=3, more=30):
    """Queries one GET of `url` makes with `few` items, then with `more` added."""
    add_items(few)
    client.get(url)  # warm caches (site root, content types)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    add_items(more)
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    return len(before), len(after)
