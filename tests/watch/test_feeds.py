import html
from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from diese.resources.models import ResourceIndexPage
from diese.taxonomy.models import Keyword

from ..factories import ResourcePageFactory, UserFactory
from ..utils import query_counts, text

BASE = "http://testserver"


@pytest.fixture
def make_resource(home):
    index = ResourceIndexPage.objects.get()

    def make(**kwargs):
        return ResourcePageFactory(parent=index, **kwargs)

    return make


@pytest.fixture
def keyword(db):
    return Keyword.objects.create(name="Illettrisme")


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


def titles(feed):
    return [entry.title for entry in feed.entries]


def published_ago(page, days):
    """Back-date a page, so that "newest first" does not hang on microseconds."""
    moment = timezone.now() - timedelta(days=days)
    type(page).objects.filter(pk=page.pk).update(
        first_published_at=moment, last_published_at=moment
    )


def test_global_feed_lists_everything_new_newest_first(
    client, make_tool, make_news, make_practice
):
    author = UserFactory(first_name="Anima", last_name="Trice")
    tool = make_tool(
        title="Mallette numérique",
        summary="Un outil « simple » & efficace.",
        owner=author,
        terms={"themes": ["numerique", "remobilisation"]},
    )
    news = make_news(title="Nouvelle mesure", owner=None)
    practice = make_practice(title="Atelier d'écriture")
    published_ago(tool, 3)
    published_ago(news, 1)
    published_ago(practice, 2)

    feed = read_feed(client, "/flux/")

    assert feed.feed.title == "Diese — toutes les nouveautés"
    assert feed.feed.language == "fr"
    assert titles(feed) == [
        "Nouvelle mesure",
        "Atelier d'écriture",
        "Mallette numérique",
    ]
    entry = feed.entries[2]
    assert entry.link == BASE + tool.url
    assert entry.id == BASE + tool.url
    assert html.unescape(entry.summary) == "Un outil « simple » & efficace."
    assert sorted(tag.term for tag in entry.tags) == ["Numérique", "Remobilisation"]
    assert entry.author == "Anima Trice"
    assert entry.published and entry.updated
    assert feed.entries[0].author == "Diese"
    assert "@" not in " ".join(e.author for e in feed.entries)


def test_global_feed_keeps_the_thirty_newest_with_constant_queries(
    client, make_tool, make_news
):
    def add_items(count):
        for _ in range(count):
            make_tool(terms={"themes": ["numerique"]})
            make_news(terms={"themes": ["numerique"]})

    few, many = query_counts(client, "/flux/", add_items)

    assert few == many
    assert len(read_feed(client, "/flux/").entries) == 30


@pytest.mark.parametrize(
    "section, make_item",
    [
        ("outils", "make_tool"),
        ("ressources", "make_resource"),
        ("actualites", "make_news"),
        ("documentation", "make_document_page"),
        ("temoignages", "make_practice"),
    ],
)
def test_each_section_has_a_feed_of_its_items(
    request, client, make_tool, make_news, section, make_item
):
    item = request.getfixturevalue(make_item)(
        title="Dans la rubrique", terms={"themes": ["numerique"]}
    )
    make_tool(title="Autre outil")
    make_news(title="Autre brève")

    feed = read_feed(client, f"/flux/{section}/")

    assert feed.feed.title.startswith("Diese — ")
    assert feed.feed.link == f"{BASE}/{section}/"
    assert "Dans la rubrique" in titles(feed)
    entry = feed.entries[titles(feed).index("Dans la rubrique")]
    assert entry.link == BASE + item.url
    assert html.unescape(entry.summary) == item.summary
    assert [tag.term for tag in entry.tags] == ["Numérique"]
    assert set(titles(feed)) <= {"Dans la rubrique", "Autre outil", "Autre brève"}
    assert ("Autre outil" in titles(feed)) == (section == "outils")


def test_tool_section_feed_is_titled_after_the_section(client, make_tool):
    make_tool()

    assert read_feed(client, "/flux/outils/").feed.title == "Diese — Outils"


def test_audience_theme_and_keyword_feeds_list_what_is_tagged(
    client, make_tool, make_news, keyword
):
    make_tool(
        title="Outil illettrisme",
        terms={
            "audiences": ["jeunes"],
            "themes": ["lecture-ecriture-calcul"],
            "keywords": [keyword.slug],
        },
    )
    make_news(title="Brève pour les jeunes", terms={"audiences": ["jeunes"]})
    make_tool(title="Sans rapport", terms={"audiences": ["femmes"]})

    audience = read_feed(client, "/flux/publics/jeunes/")
    theme = read_feed(client, "/flux/themes/lecture-ecriture-calcul/")
    tagged = read_feed(client, f"/flux/mots-cles/{keyword.slug}/")

    assert audience.feed.title == "Diese — Public : Jeunes"
    assert audience.feed.link == f"{BASE}/publics/jeunes/"
    assert sorted(titles(audience)) == ["Brève pour les jeunes", "Outil illettrisme"]
    assert theme.feed.title == "Diese — Thème : Lecture, écriture et calcul"
    assert titles(theme) == ["Outil illettrisme"]
    assert tagged.feed.title == "Diese — Mot-clé : Illettrisme"
    assert titles(tagged) == ["Outil illettrisme"]


def test_drafts_and_private_pages_never_appear_in_any_feed(
    client, make_tool, make_news, news_index, keyword
):
    tagged = {
        "audiences": ["jeunes"],
        "themes": ["numerique"],
        "keywords": [keyword.slug],
    }
    make_tool(title="Outil public", terms=tagged)
    make_tool(title="Brouillon", terms=tagged).unpublish()
    edited = make_tool(title="Outil en ligne", terms=tagged)
    edited.title = "Titre pas encore relu"
    edited.save_revision()
    for kind in [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN]:
        restricted = make_tool(title=f"Outil réservé {kind}", terms=tagged)
        PageViewRestriction.objects.create(
            page=restricted, restriction_type=kind, password="secret"
        )
    make_news(title="Brève dans une rubrique réservée", terms=tagged)
    PageViewRestriction.objects.create(
        page=news_index, restriction_type=PageViewRestriction.LOGIN
    )

    for url in [
        "/flux/",
        "/flux/outils/",
        "/flux/publics/jeunes/",
        "/flux/themes/numerique/",
        f"/flux/mots-cles/{keyword.slug}/",
    ]:
        assert sorted(titles(read_feed(client, url))) == [
            "Outil en ligne",
            "Outil public",
        ], url
    assert client.get("/flux/actualites/").status_code == 404


def test_unknown_feeds_are_not_found(client, home):
    for url in [
        "/flux/inconnu/",
        "/flux/echanges/",  # a menu section no index page provides yet
        "/flux/publics/inconnu/",
        "/flux/themes/inconnu/",
        "/flux/mots-cles/inconnu/",
    ]:
        assert client.get(url).status_code == 404, url


def test_pages_announce_their_feeds(client, make_tool, keyword):
    make_tool(terms={"audiences": ["jeunes"]})
    everything = (
        '<link rel="alternate" type="application/atom+xml" '
        'title="Diese — toutes les nouveautés" href="/flux/">'
    )

    home = text(client.get("/"))
    tools = text(client.get("/outils/"))
    audience = text(client.get("/publics/jeunes/"))
    tagged = text(client.get(f"/mots-cles/{keyword.slug}/"))

    assert everything in home
    assert everything in tools
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'title="Diese — Outils" href="/flux/outils/">'
    ) in tools
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'title="Diese — Public : Jeunes" href="/flux/publics/jeunes/">'
    ) in audience
    assert f'href="/flux/mots-cles/{keyword.slug}/"' in tagged
    for page, href in [(tools, "/flux/outils/"), (audience, "/flux/publics/jeunes/")]:
        assert (
            f'<a href="{href}" type="application/atom+xml">'
            "S'abonner au flux (Atom)</a>"
        ) in page
    read_feed(client, "/flux/publics/jeunes/")
