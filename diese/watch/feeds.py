"""Outgoing Atom feeds: everything new, each section, each audience, theme and
keyword.

Only live, public pages of the requested site appear: `.public()` leaves out
pages with a view restriction and every page below one, so drafts, private
sections and working groups never leave the site through a feed.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from wagtail.models import Page, Site

from diese.core.editorial import (
    EditorialPage,
    editorial_models,
    section_index_models,
    theme_names,
)
from diese.core.templatetags.diese_tags import member_name
from diese.taxonomy.models import Audience, Keyword, Theme

FEED_LENGTH = 30


@dataclass(frozen=True)
class Channel:
    """What one feed shows, with the request it answers.

    One Feed instance serves every request, concurrently: the request travels
    here rather than on the instance.
    """

    request: HttpRequest
    title: str
    link: str
    pages: list[EditorialPage]


@dataclass(frozen=True)
class Entry:
    page: EditorialPage
    url: str
    themes: list[str]


def site_root(request) -> Page:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("Aucun site à cette adresse.")
    return site.root_page


def _section_under(root: Page, model) -> bool:
    """Whether the section of `model`'s pages lies under `root`.

    A kind of editorial page only lives under its section (parent_page_types)
    and each section exists once (max_count = 1): when the section is under
    `root`, so is every page of that kind, and the pages can be picked by
    their type alone. A path filter on the pages themselves would make the
    database scan every page, most of all when there are none of that kind.
    """
    sections = model.allowed_parent_page_models()
    return Page.objects.exact_type(*sections).descendant_of(root).exists()


def latest_pages(root: Page, *, limit=FEED_LENGTH, **filters) -> list[EditorialPage]:
    """The newest live, public editorial pages under `root`, all kinds mixed.

    One query per kind, merged here: a query over `Page` would need
    `.specific()` afterwards (one more query per kind) to read the summary.
    """
    pages = []
    for model in editorial_models():
        if not _section_under(root, model):
            continue
        pages += (
            model.objects.live()
            .public()
            .exact_type(model)
            .filter(**filters)
            .select_related("owner", "collected_by")
            .order_by("-first_published_at")[:limit]
        )
    pages.sort(key=lambda page: (page.first_published_at, page.pk), reverse=True)
    return pages[:limit]


class PageFeed(Feed):
    """An Atom feed of editorial pages; subclasses build its Channel."""

    feed_type = Atom1Feed
    language = "fr"

    def title(self, channel):
        return f"{settings.WAGTAIL_SITE_NAME} — {channel.title}"

    def link(self, channel):
        return channel.link

    def items(self, channel):
        request = channel.request
        themes = theme_names(channel.pages)
        return [
            Entry(
                page,
                request.build_absolute_uri(page.get_url(request)),
                themes.get(page.pk, []),
            )
            for page in channel.pages
        ]

    def item_title(self, entry):
        return entry.page.title

    def item_link(self, entry):
        return entry.url

    def item_guid(self, entry):
        return entry.url

    def item_description(self, entry):
        # Atom1Feed declares the summary as HTML; ours is plain text.
        return escape(entry.page.summary)

    def item_pubdate(self, entry):
        return entry.page.first_published_at

    def item_updateddate(self, entry):
        return entry.page.last_published_at

    def item_author_name(self, entry):
        # The same person the page's byline names first.
        author = entry.page.collected_by or entry.page.owner
        return member_name(author) if author else settings.WAGTAIL_SITE_NAME

    def item_categories(self, entry):
        return entry.themes


class LatestFeed(PageFeed):
    """Anyone: everything new on the site."""

    def get_object(self, request):
        root = site_root(request)
        return Channel(
            request, "toutes les nouveautés", root.get_url(request), latest_pages(root)
        )


class SectionFeed(PageFeed):
    """Anyone: what a section's list shows (Outils, Ressources…), newest first."""

    def get_object(self, request, section_slug):
        root = site_root(request)
        index = None
        for model in section_index_models():
            if model.section_slug == section_slug:
                index = model.live_indexes().public().descendant_of(root).first()
        if index is None:
            raise Http404("Aucune rubrique à cette adresse.")
        pages = (
            index.get_items()
            .select_related("owner", "collected_by")
            .order_by("-first_published_at")[:FEED_LENGTH]
        )
        return Channel(request, index.title, index.get_url(request), list(pages))


class TermFeed(PageFeed):
    """Anyone: everything tagged with one audience, theme or keyword."""

    model = None
    field = ""
    kind_label = ""

    def get_object(self, request, slug):
        term = get_object_or_404(self.model, slug=slug)
        pages = latest_pages(site_root(request), **{self.field: term})
        return Channel(
            request,
            f"{self.kind_label} : {term.name}",
            term.get_absolute_url(),
            pages,
        )


class AudienceFeed(TermFeed):
    model = Audience
    field = "audiences"
    kind_label = "Public"


class ThemeFeed(TermFeed):
    model = Theme
    field = "themes"
    kind_label = "Thème"


class KeywordFeed(TermFeed):
    model = Keyword
    field = "keywords"
    kind_label = "Mot-clé"
