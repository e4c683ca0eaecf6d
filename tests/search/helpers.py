from django.urls import reverse

from ..utils import text


def found(client, query, **params) -> list[str]:
    """Titles the search page lists for `query`, checking they are shown."""
    response = client.get(reverse("search:search"), {"q": query, **params})
    assert response.status_code == 200
    titles = [page.title for page in response.context["results"]]
    html = text(response)
    for title in titles:
        assert title in html
    return titles
