"""Scale data for the benchmarks: many fiches, web resources and brèves, fast.

Creating pages one by one with Wagtail's add_child costs several queries each
(hours for 130,000 pages), so rows are written in bulk: treebeard's paths,
depth and numchild are computed here, base `Page` rows are bulk-created (the
database returns their ids), the specific rows are inserted raw with their
`page_ptr_id`, then the facet rows. The search index is then filled through
the configured backend's own `add_bulk`, the code `update_index` runs.

Page n of a kind depends only on (seed, kind, n): generating 1,000 pages and
then 129,000 more gives the same site as generating 130,000 at once.
"""

import random
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command, get_commands
from django.db import connection, transaction
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from diese.news.models import NewsIndexPage, NewsPage
from diese.resources.enums import ResourceCategory
from diese.resources.models import ResourceIndexPage, ResourcePage
from diese.taxonomy import data as taxonomy_data
from diese.taxonomy.models import (
    Audience,
    Keyword,
    Medium,
    Practitioner,
    Territory,
    Theme,
)
from diese.tools.enums import Cost
from diese.tools.models import ToolIndexPage, ToolPage

from . import vocabulary as V

# Dates are drawn back from a fixed day, so that the data does not depend on
# the day it is generated.
EPOCH = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)
SPAN = timedelta(days=6 * 365)
PAGE_BATCH = 500
ROW_BATCH = 5000
INDEX_BATCH = 1000
# Pages are indexed in this many rounds, each a slice of every kind, so that
# index entries alternate kinds as on a site where fiches, resources and
# news are published side by side: a search's newest matches, and so its
# results page, then mix kinds (one query per kind to fetch them).
INDEX_ROUNDS = 100
REGIONS = [name for _code, name in taxonomy_data.REGIONS]


@dataclass
class Terms:
    """Taxonomy ids by slug, loaded once."""

    audiences: dict
    themes: dict
    practitioners: list
    media: list
    territories: list
    keywords: dict

    @classmethod
    def load(cls):
        for name, slug in V.KEYWORDS:
            Keyword.objects.get_or_create(slug=slug, defaults={"name": name})
        return cls(
            audiences=dict(Audience.objects.values_list("slug", "pk")),
            themes=dict(Theme.objects.values_list("slug", "pk")),
            practitioners=list(
                Practitioner.objects.order_by("pk").values_list("pk", flat=True)
            ),
            media=list(Medium.objects.order_by("pk").values_list("pk", flat=True)),
            territories=list(
                Territory.objects.order_by("pk").values_list("pk", flat=True)
            ),
            keywords=dict(Keyword.objects.values_list("slug", "pk")),
        )


@dataclass
class Draft:
    """One page to create: its fields and the ids of its facet terms."""

    title: str
    fields: dict
    facets: dict = field(default_factory=dict)


def _fill(rng: random.Random, template: str, subject, public) -> str:
    return template.format(
        subject=subject[0],
        short=subject[1],
        public=public[0],
        city=rng.choice(V.CITIES),
        region=rng.choice(REGIONS),
        name=rng.choice(V.TOOL_NAMES),
        structure=rng.choice(V.STRUCTURES).format(
            city=rng.choice(V.CITIES), name=rng.choice(V.TOOL_NAMES)
        ),
        practitioner=rng.choice(
            ["les conseillers", "les formateurs", "les bénévoles", "les encadrants"]
        ),
        hours=rng.choice([2, 3, 4, 6]),
        people=rng.choice([6, 8, 10, 12, 15, 40, 120]),
        year=rng.randrange(2012, 2025),
    )


def _paragraphs(rng, pool, subject, public, paragraphs, sentences) -> str:
    return "".join(
        "<p>"
        + " ".join(
            _fill(rng, rng.choice(pool), subject, public) for _ in range(sentences)
        )
        + "</p>"
        for _ in range(paragraphs)
    )


def _facets(rng: random.Random, terms: Terms, subjects, publics) -> dict:
    themes = {terms.themes[s[2]] for s in subjects if s[2] in terms.themes}
    keywords = {terms.keywords[s[3]] for s in subjects}
    audiences = {terms.audiences[p[1]] for p in publics if p[1] in terms.audiences}
    return {
        "audiences": audiences,
        "themes": themes,
        "practitioners": set(rng.sample(terms.practitioners, rng.randrange(0, 3))),
        "territories": {rng.choice(terms.territories)},
        "keywords": keywords,
    }


def _published(rng: random.Random) -> dict:
    first = EPOCH - timedelta(seconds=rng.randrange(int(SPAN.total_seconds())))
    last = first + timedelta(days=rng.choice([0, 0, 0, 3, 30, 200]))
    return {"first_published_at": first, "last_published_at": min(last, EPOCH)}


def tool_draft(rng: random.Random, terms: Terms) -> Draft:
    subjects = rng.sample(V.SUBJECTS, rng.choice([1, 1, 2]))
    publics = rng.sample(V.PUBLICS, rng.choice([1, 1, 2]))
    subject, public = subjects[0], publics[0]
    kind, name = rng.choice(V.TOOL_KINDS), rng.choice(V.TOOL_NAMES)
    title = f"{kind} « {name} » : {subject[0]} {public[0]}"
    cost = rng.choices(list(Cost.values), weights=[6, 3, 1])[0]
    facets = _facets(rng, terms, subjects, publics)
    facets["media"] = set(rng.sample(terms.media, rng.choice([1, 1, 2])))
    return Draft(
        title=title,
        fields={
            "summary": (
                f"Un outil pour travailler {subjects[-1][0]} {publics[-1][0]}, "
                f"en groupe ou en entretien individuel."
            ),
            "objectives": _paragraphs(rng, V.SENTENCES, subject, public, 1, 3),
            "description": _paragraphs(rng, V.SENTENCES, subject, public, 3, 3),
            "observations": _paragraphs(rng, V.SENTENCES, subject, public, 1, 2),
            "how_to_get": "<p>Sur demande auprès de l'éditeur.</p>",
            "cost": cost,
            "price": "45 € la mallette" if cost == Cost.PAID else "",
            "licence": rng.choice(["", "CC BY-SA", "CC BY-NC", "Propriétaire"]),
            "publisher": _fill(rng, rng.choice(V.STRUCTURES), subject, public),
            "year": rng.randrange(2008, 2026),
            "link": f"https://outils.exemple.fr/{slugify(name)}",
        },
        facets=facets,
    )


def resource_draft(rng: random.Random, terms: Terms) -> Draft:
    subject, public = rng.choice(V.SUBJECTS), rng.choice(V.PUBLICS)
    kind = rng.choice(V.RESOURCE_KINDS)
    where = rng.choice(
        ["", "", f" en {rng.choice(REGIONS)}", f" à {rng.choice(V.CITIES)}"]
    )
    title = f"{kind} : {subject[0]} {public[0]}{where}"
    return Draft(
        title=title,
        fields={
            "summary": f"{kind} utile pour {subject[0]}{where}.",
            "website": f"https://{slugify(kind)}-{slugify(subject[1])}.exemple.fr/",
            "category": rng.choice(list(ResourceCategory.values)),
            "description": _paragraphs(
                rng, V.RESOURCE_SENTENCES, subject, public, 1, 3
            ),
        },
        facets=_facets(rng, terms, [subject], [public]),
    )


def news_draft(rng: random.Random, terms: Terms) -> Draft:
    subject, public = rng.choice(V.SUBJECTS), rng.choice(V.PUBLICS)
    actor = _fill(rng, rng.choice(V.ACTORS), subject, public)
    template = rng.choice(V.NEWS_TEMPLATES).replace("{actor}", actor)
    title = _fill(rng, template, subject, public)
    title = title[0].upper() + title[1:]
    return Draft(
        title=title,
        fields={
            "summary": _fill(rng, rng.choice(V.SENTENCES), subject, public),
            "body": _paragraphs(rng, V.SENTENCES, subject, public, 2, 3),
            "source": "https://travail-emploi.exemple.gouv.fr/actualites",
        },
        facets=_facets(rng, terms, [subject], [public]),
    )


KINDS = {
    # kind: (index model, page model, draft function)
    "tools": (ToolIndexPage, ToolPage, tool_draft),
    "resources": (ResourceIndexPage, ResourcePage, resource_draft),
    "news": (NewsIndexPage, NewsPage, news_draft),
}


def _batches(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def create_pages(kind: str, count: int, *, seed: int, terms: Terms) -> list:
    """Add `count` pages of `kind` under its index page; returns them (specific)."""
    index_model, model, draft_page = KINDS[kind]
    index = index_model.objects.get()
    content_type = ContentType.objects.get_for_model(model)
    depth = index.depth + 1
    # Not get_children(): treebeard answers "none" while numchild is 0.
    children = Page.objects.filter(depth=depth, path__startswith=index.path)
    last_path = children.order_by("-path").values_list("path", flat=True).first()
    first_step = Page._str2int(last_path[-Page.steplen :]) + 1 if last_path else 1
    start = children.count()

    pages, facet_rows = [], []
    for offset in range(count):
        number = start + offset
        rng = random.Random(f"{seed}:{kind}:{number}")
        draft = draft_page(rng, terms)
        published = _published(rng)
        page = model(
            title=draft.title,
            draft_title=draft.title,
            slug=f"{slugify(draft.title)[:80].rstrip('-')}-{number + 1}",
            path=Page._get_path(index.path, depth, first_step + offset),
            depth=depth,
            numchild=0,
            translation_key=uuid.UUID(int=rng.getrandbits(128), version=4),
            locale_id=index.locale_id,
            live=True,
            has_unpublished_changes=False,
            content_type=content_type,
            show_in_menus=False,
            latest_revision_created_at=published["last_published_at"],
            **published,
            **draft.fields,
        )
        page.url_path = f"{index.url_path}{page.slug}/"
        pages.append(page)
        facet_rows.append(draft.facets)

    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    specific_fields = model._meta.local_concrete_fields
    with transaction.atomic():
        for batch in _batches(pages, PAGE_BATCH):
            bases = [
                Page(**{f.attname: getattr(page, f.attname) for f in page_fields})
                for page in batch
            ]
            Page.objects.bulk_create(bases)
            for page, base in zip(batch, bases, strict=True):
                page.id = page.page_ptr_id = base.id
                page._state.adding = False
            model._base_manager._insert(batch, fields=specific_fields, raw=True)
        for name in facet_rows[0]:
            _insert_facet_rows(model, name, pages, [row[name] for row in facet_rows])
        Page.objects.filter(pk=index.pk).update(numchild=children.count())
    return pages


def _insert_facet_rows(model, name, pages, term_ids) -> None:
    m2m = model._meta.get_field(name)
    through = m2m.remote_field.through
    source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
    rows = [
        through(**{f"{source}_id": page.pk, f"{target}_id": term})
        for page, terms in zip(pages, term_ids, strict=True)
        for term in sorted(terms)
    ]
    for batch in _batches(rows, ROW_BATCH):
        through.objects.bulk_create(batch)


def index_pages(model, pages) -> None:
    """Add pages to the search index the way update_index does, in batches."""
    backend = get_search_backend()
    with transaction.atomic():
        for batch in _batches(pages, INDEX_BATCH):
            backend.add_bulk(model, batch)


def index_interleaved(created: dict) -> None:
    """Index {kind: pages} in INDEX_ROUNDS rounds of a slice of each kind."""
    sizes = {kind: -(-len(pages) // INDEX_ROUNDS) for kind, pages in created.items()}
    for number in range(INDEX_ROUNDS):
        for kind, pages in created.items():
            size = sizes[kind]
            batch = pages[number * size : (number + 1) * size]
            if batch:
                index_pages(KINDS[kind][1], batch)


def check_tree() -> list[str]:
    """What is wrong with the page tree, in set-based SQL (find_problems runs
    one query per page, too slow at this size)."""
    problems = []
    table = connection.ops.quote_name(Page._meta.db_table)
    length = "LENGTH" if connection.vendor == "sqlite" else "CHAR_LENGTH"
    checks = {
        "profondeur incohérente": f"SELECT COUNT(*) FROM {table} "
        f"WHERE {length}(path) != depth * {Page.steplen}",
        "page orpheline": f"SELECT COUNT(*) FROM {table} c WHERE depth > 1 AND NOT "
        f"EXISTS (SELECT 1 FROM {table} p WHERE p.path = "
        f"SUBSTR(c.path, 1, {length}(c.path) - {Page.steplen}))",
        # Only the pages above the generated ones: a correlated count per
        # leaf would be quadratic, and generated pages get no children.
        "numchild faux": f"SELECT COUNT(*) FROM {table} p WHERE depth <= 3 AND "
        f"numchild != (SELECT COUNT(*) FROM {table} c WHERE c.depth = p.depth + 1 "
        f"AND SUBSTR(c.path, 1, {length}(p.path)) = p.path)",
    }
    with connection.cursor() as cursor:
        for label, sql in checks.items():
            cursor.execute(sql)
            if n := cursor.fetchone()[0]:
                problems.append(f"{label} : {n}")
    return problems


@dataclass
class Report:
    counts: dict = field(default_factory=dict)
    generation_s: float = 0.0
    indexing_s: float = 0.0
    problems: list = field(default_factory=list)


def generate(*, seed: int, tools: int, resources: int, news: int, log=None) -> Report:
    """Create and index the pages; the site (home, section pages) must exist."""
    report = Report()
    terms = Terms.load()
    created = {}
    for kind, count in [("tools", tools), ("resources", resources), ("news", news)]:
        if count <= 0:
            continue
        began = time.perf_counter()
        created[kind] = create_pages(kind, count, seed=seed, terms=terms)
        report.generation_s += time.perf_counter() - began
        report.counts[kind] = count
        if log:
            log(f"  {count} {kind} créés en {time.perf_counter() - began:.1f} s")
    began = time.perf_counter()
    index_interleaved(created)
    report.indexing_s += time.perf_counter() - began
    if log:
        log(f"  pages indexées en {time.perf_counter() - began:.1f} s, types alternés")
    if "refresh_search_terms" in get_commands():
        # The periodic job that feeds typo tolerance from the index.
        began = time.perf_counter()
        call_command("refresh_search_terms", verbosity=0)
        report.indexing_s += time.perf_counter() - began
        if log:
            log(f"  vocabulaire de recherche en {time.perf_counter() - began:.1f} s")
    report.problems = check_tree()
    return report
