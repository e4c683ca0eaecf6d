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

COUNT_CAP = 200

# Tiers, best first.
IN_TITLE, IN_SUMMARY, ELSEWHERE = 0, 1, 2


def ranked_ids(rows) -> list[int]:
    """Page ids, best first, from (page id, first published, tier) rows.

    A page may come twice (the title window and the whole window): its best
    tier counts. Never-published dates sort last, as NULLS LAST would.
    """
    best = {}
    for pk, published, tier in rows:
        known = best.get(pk)
        if known is None or tier < known[1]:
            best[pk] = (published, tier)
    newest_first = sorted(
        best.items(),
        key=lambda item: (item[1][0] is not None, item[1][0], item[0]),
        reverse=True,
    )
    return [pk for pk, _ in sorted(newest_first, key=lambda item: item[1][1])]


class TieredResultsMixin:
    """The results of a page search in tiers, with a capped count.

    A backend's results class mixes this in and provides `_tiered()` (does
    this search qualify?) and `_search()`: an object whose `rows()` returns
    the window's (page id, first published, tier) rows. Other searches go to
    the backend's parent class.
    """

    def _ranked(self):
        """Every page id of the window, best first; computed once per query:
        the count and each slice of results share it (a sliced clone shares
        the compiler)."""
        compiler = self.query_compiler
        if getattr(compiler, "ranked_ids", None) is None:
            compiler.ranked_ids = ranked_ids(self._search().rows())
        return compiler.ranked_ids

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
        ids = self._ranked()[self.start : self.stop]
        if not ids:
            return []
        pages = self.query_compiler.queryset.filter(pk__in=ids).in_bulk()
        return [pages[pk] for pk in ids if pk in pages]
