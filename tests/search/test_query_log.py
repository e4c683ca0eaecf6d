"""Searches are logged without personal data; Animateurs read the most
frequent ones and those without results in the admin reports."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from diese.search.models import SearchQueryLog

from ..utils import text

pytestmark = pytest.mark.ignore_template_errors


def test_first_page_of_a_search_is_logged_without_personal_data(
    client, member, make_tool
):
    make_tool(title="Accompagner les femmes", terms={"audiences": ["femmes"]})
    client.force_login(member)

    client.get("/recherche/?q=  Femmes  ÉLOIGNÉES &type=toolpage&public=femmes")
    client.get("/recherche/?q=femmes&page=2")

    (log,) = SearchQueryLog.objects.all()
    assert log.query == "femmes eloignees"
    assert log.filters == {"type": ["toolpage"], "public": ["femmes"]}
    assert log.results == 0
    assert log.duration_ms >= 0
    fields = {f.name for f in SearchQueryLog._meta.get_fields()}
    assert fields == {"id", "query", "filters", "results", "duration_ms", "created_at"}


def test_logging_is_one_insert(client, make_tool, django_assert_max_num_queries):
    make_tool(title="Accompagner les femmes")
    client.get("/recherche/?q=femmes")
    with django_assert_max_num_queries(20) as captured:
        client.get("/recherche/?q=femmes")
    inserts = [q for q in captured.captured_queries if "INSERT" in q["sql"]]
    assert len(inserts) == 1


def _log(query, results, days_ago=0, times=1):
    for _ in range(times):
        SearchQueryLog.objects.create(
            query=query,
            results=results,
            duration_ms=3,
            created_at=timezone.now() - timedelta(days=days_ago),
        )


@pytest.fixture
def logs(db):
    _log("rsa", 4, times=3)
    _log("illettrisme", 2, times=2)
    _log("motsansreponse", 0, times=2)
    _log("ancienne recherche", 0, days_ago=60, times=5)


def _rows(client, url_name, **params):
    html = text(client.get(reverse(url_name), params))
    return html


def test_animator_sees_frequent_searches(client, animator, logs):
    client.force_login(animator)

    html = _rows(client, "search_reports:frequent")

    assert html.index("rsa") < html.index("illettrisme") < html.index("motsansreponse")
    assert "ancienne recherche" not in html
    assert "ancienne recherche" in _rows(client, "search_reports:frequent", periode=90)


def test_animator_sees_searches_without_results(client, animator, logs):
    client.force_login(animator)

    html = _rows(client, "search_reports:empty")

    assert "motsansreponse" in html
    assert "rsa" not in html.split("motsansreponse")[0].split("<tbody")[-1]
    assert "illettrisme" not in html


def test_reports_export_as_csv(client, animator, logs):
    client.force_login(animator)

    response = client.get(reverse("search_reports:empty"), {"export": "csv"})

    content = b"".join(response.streaming_content).decode()
    assert "motsansreponse,2" in content


@pytest.mark.parametrize("role", ["member", "author"])
@pytest.mark.parametrize(
    "url_name", ["search_reports:frequent", "search_reports:empty"]
)
def test_members_and_authors_cannot_see_the_reports(
    db, client, request, role, url_name
):
    client.force_login(request.getfixturevalue(role))

    response = client.get(reverse(url_name))

    # Members have no admin access at all: sent to sign in as someone else.
    if role == "member":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    else:
        # Wagtail turns the refusal into a redirect to the dashboard.
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        assert "recherches" not in text(client.get(response["Location"]))


def test_old_rows_are_purged(logs):
    call_command("purge_search_log", days=30)

    assert SearchQueryLog.objects.count() == 7
    assert not SearchQueryLog.objects.filter(query="ancienne recherche")
