"""What both search backends share so results behave the same on either.

Ranking is in two tiers, as the readers' rule says (title above summary
above body): first the pages whose title matches the whole query, then the
pages that match it elsewhere; within a tier, the better text-search rank
first, then the most recently published. Each tier is ranked on at most
CANDIDATES rows when that is enough to fill the page asked for, so a very
common word does not rank the whole site.

Counting stops past COUNT_CAP: the page then says « plus de 1 000 ».
"""

COUNT_CAP = 1000
CANDIDATES = 200

# The two tiers, as a backend's TieredSearch names them.
IN_TITLE = "in_title"
ELSEWHERE = "elsewhere"


class TieredResultsMixin:
    """The results of a page search in tiers, with a capped count.

    A backend's results class mixes this in and provides `_tiered()` (does
    this search qualify?) and `_search()`: an object with `tier(name,
    limit)` — a tier's page ids, best first, at most `limit` (None: all),
    fewer only when that is the whole tier — and `count()`, which stops
    past COUNT_CAP. Other searches go to the backend's parent class.
    """

    def _tiered_search(self):
        """The backend's search object, built once per query: the count and
        each slice of results share it (a sliced clone shares the compiler)."""
        compiler = self.query_compiler
        if getattr(compiler, "tiered_search", None) is None:
            compiler.tiered_search = self._search()
        return compiler.tiered_search

    def _do_count(self):
        if not self._tiered():
            return super()._do_count()
        compiler = self.query_compiler
        # A sliced clone shares the compiler: the paginator counts once.
        if getattr(compiler, "capped_count", None) is None:
            compiler.capped_count = self._tiered_search().count()
        count = compiler.capped_count
        # As QuerySet.count() does on a sliced queryset.
        if self.stop is not None:
            count = min(count, self.stop)
        return max(0, count - self.start)

    def _do_search(self):
        if not self._tiered():
            return super()._do_search()
        start, stop = self.start, self.stop
        known = getattr(self.query_compiler, "capped_count", None)
        if known is not None and known <= COUNT_CAP:
            stop = known if stop is None else min(stop, known)
        if stop is not None and stop <= start:
            return []
        search = self._tiered_search()
        ids = search.tier(IN_TITLE, stop)
        if stop is None or len(ids) < stop:
            more = None if stop is None else stop - len(ids)
            ids += search.tier(ELSEWHERE, more)
        ids = ids[start:stop]
        if not ids:
            return []
        pages = self.query_compiler.queryset.filter(pk__in=ids).in_bulk()
        return [pages[pk] for pk in ids if pk in pages]
