"""What a letter holds: the new items of its period, grouped by kind, and the
order in which one subscriber reads them (their topics first, or only).

Only live, public pages ever reach a letter: `.public()` leaves out pages
with a view restriction and every page below one. Items are checked again
when the letter is read or sent, so a page unpublished or made private after
the letter was built drops out of it.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from diese.core.editorial import EditorialPage, editorial_models


@dataclass(frozen=True)
class Topics:
    """A subscriber's chosen topics, as ids; equal topics share a rendering."""

    audiences: frozenset = frozenset()
    themes: frozenset = frozenset()
    territories: frozenset = frozenset()
    only: bool = False

    @classmethod
    def of(cls, subscriber) -> "Topics":
        # A département also matches items about its région and the nation.
        territories = set()
        territory = subscriber.territory
        while territory is not None:
            territories.add(territory.pk)
            territory = territory.parent
        return cls(
            audiences=frozenset(a.pk for a in subscriber.audiences.all()),
            themes=frozenset(t.pk for t in subscriber.themes.all()),
            territories=frozenset(territories),
            only=subscriber.only_topics,
        )

    @property
    def chosen(self) -> bool:
        return bool(self.audiences or self.themes or self.territories)


EVERYTHING = Topics()


@dataclass
class DigestItem:
    page_id: int
    kind: str
    kind_order: int
    title: str
    summary: str
    url: str
    featured: bool = False
    audiences: frozenset = frozenset()
    themes: frozenset = frozenset()
    territories: frozenset = frozenset()

    def matches(self, topics: Topics) -> bool:
        return bool(
            self.audiences & topics.audiences
            or self.themes & topics.themes
            or self.territories & topics.territories
        )


@dataclass
class Section:
    title: str
    items: list[DigestItem] = field(default_factory=list)


@dataclass
class Digest:
    featured: list[DigestItem]
    sections: list[Section]
    # True when the reader's topics put some items first.
    personalised: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.featured and not self.sections

    @property
    def count(self) -> int:
        return len(self.featured) + sum(len(s.items) for s in self.sections)


def _kind_label(model) -> str:
    return str(model._meta.verbose_name_plural).capitalize()


def new_pages(*, since: datetime, until: datetime) -> list[EditorialPage]:
    """Live, public pages first published in the period, kind by kind.

    Events only while they are not over: a letter announces, it does not
    report.
    """
    pages = []
    for model in editorial_models():
        pages_of_kind = (
            model.objects.live()
            .public()
            .filter(first_published_at__gt=since, first_published_at__lte=until)
        )
        if hasattr(pages_of_kind, "upcoming"):
            pages_of_kind = pages_of_kind.upcoming()
        else:
            pages_of_kind = pages_of_kind.order_by("first_published_at", "pk")
        pages += pages_of_kind
    return pages


def _absolute_url(page) -> str:
    parts = page.get_url_parts()
    return settings.SITE_URL + parts[2] if parts else settings.SITE_URL


def digest_items(entries: list[tuple[int, bool]]) -> list[DigestItem]:
    """DigestItems for (page id, featured) pairs, in their order.

    Pages no longer live and public are left out. One query for the types,
    then one (plus the facet prefetches) per kind.
    """
    ids = [page_id for page_id, _ in entries]
    kinds = {}
    for page_id, content_type_id in Page.objects.filter(pk__in=ids).values_list(
        "pk", "content_type"
    ):
        kinds.setdefault(content_type_id, []).append(page_id)
    order = {model: position for position, model in enumerate(editorial_models())}
    pages = {}
    for content_type_id, page_ids in kinds.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model not in order:
            continue
        for page in (
            model.objects.live()
            .public()
            .filter(pk__in=page_ids)
            .prefetch_related("audiences", "themes", "territories")
        ):
            pages[page.pk] = page
    items = []
    for page_id, featured in entries:
        page = pages.get(page_id)
        if page is None:
            continue
        items.append(
            DigestItem(
                page_id=page.pk,
                kind=_kind_label(type(page)),
                kind_order=order[type(page)],
                title=page.title,
                summary=page.summary,
                url=_absolute_url(page),
                featured=featured,
                audiences=frozenset(a.pk for a in page.audiences.all()),
                themes=frozenset(t.pk for t in page.themes.all()),
                territories=frozenset(t.pk for t in page.territories.all()),
            )
        )
    return items


def letter_items(letter) -> list[DigestItem]:
    """A letter's items in its manual order (also works on an unsaved preview)."""
    rows = sorted(
        letter.items.all(), key=lambda item: (item.sort_order or 0, item.pk or 0)
    )
    return digest_items([(row.page_id, row.featured) for row in rows])


def digest_for(items: list[DigestItem], topics: Topics = EVERYTHING) -> Digest:
    """The letter as one reader gets it.

    Featured items come first, then one section per kind (in the order of
    the site's sections); within a section, items matching the reader's
    topics come first, then the animators' order. With `only`, other items
    are left out altogether.
    """
    if topics.chosen:
        if topics.only:
            items = [item for item in items if item.matches(topics)]
        else:
            # A stable sort keeps the animators' order within each group.
            items = sorted(items, key=lambda item: not item.matches(topics))
    featured = [item for item in items if item.featured]
    sections: dict[str, Section] = {}
    for item in sorted(
        (item for item in items if not item.featured),
        key=lambda item: item.kind_order,
    ):
        sections.setdefault(item.kind, Section(item.kind)).items.append(item)
    return Digest(
        featured=featured,
        sections=list(sections.values()),
        personalised=topics.chosen,
    )
