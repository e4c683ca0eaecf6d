"""Typo tolerance: the words of the public pages and their near spellings.

A query word that is neither a known word nor has a known stem gets the
known words at one edit (deletion, substitution, insertion, transposition).
The edits are generated in Python and looked up in one indexed query on
SearchTerm.word, so the cost does not grow with the vocabulary.
"""

import string
from collections import Counter, defaultdict

from django.db import connection, transaction
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL
from wagtail.models import Page

from .analysis import ELISION, WORD, _stemmer, fold
from .models import SearchTerm
from .snippets import page_text

# One typo is tolerated from this length on ("illetrisme" → "illettrisme").
TOLERANT_LENGTH = 5
# Shorter words are only corrected in "Essayez :" suggestions.
SUGGEST_LENGTH = 4
MAX_CORRECTIONS = 3
# Bounds the lookup: 500 to 750 edits per word of 10 to 14 letters.
MAX_WORDS = 8
LETTERS = string.ascii_lowercase
DIGITS = string.digits
WORD_MAX_LENGTH = 40


def edits1(word: str) -> set[str]:
    """Every string at one edit of `word` (Norvig's spelling corrector).

    Digits are only tried in a word that has some ("covid1" → "covid19"):
    in others they would add a third more variants to look up, for nothing.
    """
    alphabet = LETTERS + DIGITS if any(c.isdigit() for c in word) else LETTERS
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in alphabet]
    inserts = [a + c + b for a, b in splits for c in alphabet]
    return set(deletes + transposes + replaces + inserts) - {word}


def corrections(words: list[str]) -> dict[str, list[SearchTerm]]:
    """For each folded word the vocabulary does not know, the known words at
    one edit, most frequent first. Known words and short words map to []."""
    words = [w for w in dict.fromkeys(words) if len(w) >= SUGGEST_LENGTH]
    words = words[:MAX_WORDS]
    if not words:
        return {}
    stems = dict(zip(words, _stemmer().stemWords(words), strict=True))
    # Most searches are spelt right: a small query settles them, and only
    # unknown words pay for the lookup of their hundreds of variants.
    known = list(
        SearchTerm.objects.filter(
            Q(word__in=words) | Q(stem__in=set(stems.values()))
        ).values_list("word", "stem")
    )
    known_words = {word for word, _ in known}
    known_stems = {stem for _, stem in known}
    unknown = [w for w in words if w not in known_words and stems[w] not in known_stems]
    found = {word: [] for word in words}
    if not unknown:
        return found
    edits = {word: edits1(word) for word in unknown}
    variants = sorted(set().union(*edits.values()))
    if connection.vendor == "postgresql":
        # One array instead of hundreds of placeholders, which psycopg takes
        # longer to fill in than PostgreSQL to look the words up (3 ms).
        among = RawSQL('"word" = ANY(%s)', (variants,), output_field=BooleanField())
    else:
        among = Q(word__in=variants)
    rows = list(
        SearchTerm.objects.filter(among).only("word", "spelling", "stem", "pages")
    )
    for word in unknown:
        near = [row for row in rows if row.word in edits[word]]
        near.sort(key=lambda row: (-row.pages, row.word))
        found[word] = near[:MAX_CORRECTIONS]
    return found


def page_words(page):
    """(folded word, word as written) for each word a reader sees on a page."""
    text = (page.title + " " + page_text(page)).casefold().replace("\u2019", "'")
    for original in WORD.findall(ELISION.sub(" ", text)):
        word = fold(original)
        if len(word) <= WORD_MAX_LENGTH and not word.isdigit():
            yield word, original


def _search_terms(spellings: dict, pages: dict) -> list[SearchTerm]:
    """Rows for {folded word: spelling shown}, with {word: pages having it}."""
    words = sorted(spellings)
    stems = _stemmer().stemWords(words)
    return [
        SearchTerm(
            word=word,
            stem=stem[:WORD_MAX_LENGTH],
            spelling=spellings[word][:WORD_MAX_LENGTH],
            pages=pages[word],
        )
        for word, stem in zip(words, stems, strict=True)
    ]


def add_page_terms(page) -> None:
    """Add the new words of a page just published, if the public can read it.

    Counts and words of pages since unpublished are put right by the next
    full refresh; meanwhile a suggestion is only shown when it finds
    public results, so a stale word never reveals anything.
    """
    if not Page.objects.live().public().filter(pk=page.pk).exists():
        return
    spellings = dict(page_words(page.specific))
    SearchTerm.objects.bulk_create(
        _search_terms(spellings, dict.fromkeys(spellings, 1)), ignore_conflicts=True
    )


@transaction.atomic
def refresh_search_terms(batch_size=2000) -> int:
    """Rebuild the vocabulary from the live public pages; returns its size.

    Runs as a periodic job (`manage.py refresh_search_terms`), not per
    request: on 130,000 pages it reads every page once.
    """
    pages = Counter()
    spellings = defaultdict(Counter)
    queryset = Page.objects.live().public().specific().order_by("pk")
    for page in queryset.iterator(chunk_size=batch_size):
        seen = set()
        for word, original in page_words(page):
            spellings[word][original] += 1
            seen.add(word)
        pages.update(seen)
    usual = {word: counts.most_common(1)[0][0] for word, counts in spellings.items()}
    SearchTerm.objects.all().delete()
    SearchTerm.objects.bulk_create(_search_terms(usual, pages), batch_size=batch_size)
    return len(usual)
