"""What both search backends share so results behave the same on either.

Ranking follows the readers' rule, title above summary above body, newest
first when equal: pages whose title holds the whole query come first, then
those whose summary (the boosted fields) holds it, then the others; within
each tier, the most recently published first.

A search reads a bounded window of matches, so that a word found on most of
the site costs no more than a rare one: the COUNT_CAP + 1 most recently
indexed matches, and as many of the most recently indexed title matches, so
that a page titled with the query is never lost behind newer pages that
merely mention it. When fewer pages match, the window is every match and
the ranking is exact; otherwise the page says « plus de 200 résultats »
and ranks the window.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from wagtail.query import SpecificIterable

COUNT_CAP = 200

# Tiers, best first.
IN_TITLE, IN_SUMMARY, ELSEWHERE = 0, 1, 2


def ranked(rows) -> list[tuple[int, int]]:
    """(page id, content type id) pairs, best first, from the window's
    (page id, first published, tier, content type id) rows.

    A page may come twice (the title window and the whole window): its best
    tier counts. Never-published dates sort last, as NULLS LAST would.
    """
    best = {}
    for pk, published, tier, kind in rows:
        known = best.get(pk)
        if known is None or tier < known[1]:
            best[pk] = (published, tier, kind)
    newest_first = sorted(
        best.items(),
        key=lambda item: (item[1][0] is not None, item[1][0], item[0]),
        reverse=True,
    )
    return [
        (pk, kind) for pk, (_, _, kind) in sorted(newest_first, key=lambda i: i[1][1])
    ]


def specific_pages(queryset, pages) -> dict:
    """{page id: specific page} for (page id, content type id) pairs, one
    query per kind of page, as the queryset's `.specific()` would give them.

    Without SpecificIterable's first query, which finds each page's kind
    by running the queryset's filters again: the window already has the
    kinds, and holds only pages those filters allowed. A page deleted since
    is left out.
    """
    by_kind = defaultdict(list)
    for pk, kind in pages:
        by_kind[kind].append(pk)
    found = {}
    for kind, pks in by_kind.items():
        model = ContentType.objects.get_for_id(kind).model_class() or queryset.model
        # Unordered: a page manager sorts by tree path, a cost for nothing.
        items = model._default_manager.using(queryset.db).filter(pk__in=pks).order_by()
        if queryset._specific_select_related_fields:
            items = items.select_related(*queryset._specific_select_related_fields)
        if queryset._specific_prefetch_related_lookups:
            items = items.prefetch_related(*queryset._specific_prefetch_related_lookups)
        if queryset._defer_streamfields and hasattr(items, "defer_streamfields"):
            items = items.defer_streamfields()
        found.update(items.in_bulk())
    return found


class TieredResultsMixin:
    """The results of a page search in tiers, with a capped count.

    A backend's results class mixes this in and provides `_tiered()` (does
    this search qualify?) and `_search()`: an object whose `rows()` returns
    the window's (page id, first published, tier, content type id) rows.
    Other searches go to the backend's parent class.
    """

    def _ranked(self):
        """Every (page id, content type id) of the window, best first;
        computed once per query: the count and each slice of results share
        it (a sliced clone shares the compiler)."""
        compiler = self.query_compiler
        if getattr(compiler, "ranked", None) is None:
            compiler.ranked = ranked(self._search().rows())
        return compiler.ranked

    def _do_count(self):
        if not self._tiered():
            return super()._do_count()
        # Past COUNT_CAP, this is the window's size: more than the cap.
        count = len(self._ranked())
        # As QuerySet.count() does on a sliced queryset.
        if self.stop is not None:
            count = min(count, self.stop)
        return max(0, count - self.start)

    def _do_search(self):
        if not self._tiered():
            return super()._do_search()
        window = self._ranked()[self.start : self.stop]
        if not window:
            return []
        queryset = self.query_compiler.queryset
        if (
            queryset._iterable_class is SpecificIterable
            and not queryset.query.annotations
        ):
            pages = specific_pages(queryset, window)
        else:
            pages = queryset.filter(pk__in=[pk for pk, _ in window]).in_bulk()
        return [pages[pk] for pk, _ in window if pk in pages]
