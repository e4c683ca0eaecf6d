"""From what people type to the query the index runs: quoted phrases, the
field's synonyms and acronyms, one typo tolerated.

The result is a tree of modelsearch queries (And, Or, PlainText, Phrase),
which both database backends compile, so expansions behave the same on
SQLite and PostgreSQL.
"""

from dataclasses import dataclass, field

from django.core.cache import cache
from wagtail.search.query import And, Or, Phrase, PlainText

from .analysis import ELISION, WORD, _stemmer, fold
from .models import Synonym, expression_key
from .vocabulary import TOLERANT_LENGTH, corrections

# French quotes and typographic ones count as the ASCII quote people type.
QUOTES = str.maketrans({"«": '"', "»": '"', "\u201c": '"', "\u201d": '"'})
SYNONYMS_CACHE_KEY = "search:synonyms"
# The longest expression tried against the synonyms, in words.
MAX_EXPRESSION_WORDS = 10


def synonym_groups() -> dict[str, list[str]]:
    """Each synonym expression's stems → every expression of its entry.

    Cached: the table is small and read on every search; Synonym.save and
    delete clear the cache.
    """
    groups = cache.get(SYNONYMS_CACHE_KEY)
    if groups is None:
        groups = {}
        for synonym in Synonym.objects.all():
            expressions = synonym.expressions
            for expression in expressions:
                key = expression_key(expression)
                if key:
                    groups.setdefault(key, [])
                    groups[key].extend(e for e in expressions if e not in groups[key])
        cache.set(SYNONYMS_CACHE_KEY, groups, 3600)
    return groups


def clear_synonyms_cache():
    cache.delete(SYNONYMS_CACHE_KEY)


def _expression_query(expression: str):
    return Phrase(expression) if len(expression.split()) > 1 else PlainText(expression)


def _any_of(expressions):
    queries = [_expression_query(e) for e in expressions]
    return Or(queries) if len(queries) > 1 else queries[0]


@dataclass
class SearchPlan:
    """What one query string searches for, and how to correct it."""

    query: object = None  # a modelsearch query, None when nothing to search
    words: list[str] = field(default_factory=list)  # all words searched
    suggestion: str = ""  # the query with its unknown words corrected


def split_query(text: str) -> list[tuple[str, bool]]:
    """(part, is_phrase) pairs: quoted parts are phrases."""
    parts = [part.strip() for part in text.translate(QUOTES).split('"')]
    # Odd parts are the ones between quotes.
    return [(part, bool(index % 2)) for index, part in enumerate(parts) if part]


def plan(text: str) -> SearchPlan:
    """Quoted parts are phrases (their words in that order), the rest words;
    all must match. A word or phrase that is a synonym entry matches any of
    its expressions; a word of 5+ letters unknown to the vocabulary matches
    its spellings at one edit too.

    Not wagtail's parse_query_string: it also turns "word:word" into filters,
    which this page does not offer, and would silently drop those words.
    """
    parts = []
    for part, is_phrase in split_query(text):
        if is_phrase:
            parts.append((part, True))
            continue
        typed = WORD.findall(ELISION.sub(" ", part.casefold().replace("\u2019", "'")))
        parts.append(([(t, fold(t)) for t in typed], False))
    near = corrections([w for p, phrase in parts if not phrase for _, w in p])
    groups = synonym_groups()
    result = SearchPlan()
    queries, suggested, corrected = [], [], False
    for part, is_phrase in parts:
        if is_phrase:
            expressions = groups.get(expression_key(part), [part])
            queries.append(
                _any_of(expressions) if len(expressions) > 1 else Phrase(part)
            )
            result.words.extend(expressions)
            suggested.append(f'"{part}"')
            continue
        queries.extend(_words_queries([w for _, w in part], groups, near, result))
        for typed, word in part:
            if near.get(word):
                suggested.append(near[word][0].spelling)
                corrected = True
            else:
                suggested.append(typed)
    if len(queries) > 1:
        result.query = And(queries)
    elif queries:
        result.query = queries[0]
    if corrected:
        result.suggestion = " ".join(suggested)
    return result


def _words_queries(words, groups, near, result):
    stems = _stemmer().stemWords(words)
    queries, plain = [], []

    def flush():
        if plain:
            queries.append(PlainText(" ".join(plain)))
            plain.clear()

    index = 0
    while index < len(words):
        # The longest run of words that is a synonym entry.
        for end in range(min(len(words), index + MAX_EXPRESSION_WORDS), index, -1):
            expressions = groups.get(" ".join(stems[index:end]))
            if expressions:
                flush()
                queries.append(_any_of(expressions))
                result.words.extend(expressions)
                index = end
                break
        else:
            word = words[index]
            result.words.append(word)
            fixes = near.get(word) if len(word) >= TOLERANT_LENGTH else None
            if fixes:
                flush()
                queries.append(
                    Or([PlainText(word), *(PlainText(f.word) for f in fixes)])
                )
                result.words.extend(f.word for f in fixes)
            else:
                plain.append(word)
            index += 1
    flush()
    return queries
