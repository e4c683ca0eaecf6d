"""One typo tolerated in words of five letters or more, and a corrected
spelling suggested when nothing is found; never a word of a private page."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from diese.search.models import SearchTerm
from diese.search.vocabulary import corrections, edits1, refresh_search_terms

from ..factories import ToolPageFactory
from ..utils import text
from .helpers import found


def test_one_typo_is_tolerated_in_long_words(client, make_tool):
    make_tool(title="Lutter contre l'illettrisme")
    make_tool(title="Mallette de remobilisation")
    refresh_search_terms()

    assert found(client, "illetrisme") == ["Lutter contre l'illettrisme"]
    assert found(client, "ilettrisme") == ["Lutter contre l'illettrisme"]
    assert found(client, "illettrsime") == ["Lutter contre l'illettrisme"]  # swap
    assert found(client, "illettrismes") == ["Lutter contre l'illettrisme"]


def test_two_typos_or_a_short_word_are_not_tolerated(client, make_tool):
    make_tool(title="Lutter contre l'illettrisme et des jeux")
    refresh_search_terms()

    assert found(client, "iletrisme") == []
    assert found(client, "jeix") == []


def test_typo_is_tolerated_next_to_other_words(client, make_tool):
    make_tool(title="Lutter contre l'illettrisme des jeunes")
    make_tool(title="Lutter contre l'illettrisme des seniors")
    refresh_search_terms()

    assert found(client, "illetrisme jeunes") == [
        "Lutter contre l'illettrisme des jeunes"
    ]


def test_empty_result_suggests_a_spelling_keywords_and_the_proposal_form(
    client, make_tool
):
    from diese.taxonomy.models import Keyword

    make_tool(title="Des jeux pour apprendre")
    Keyword.objects.create(name="Jeux de rôle")
    refresh_search_terms()

    html = text(client.get(reverse("search:search"), {"q": "jeix"}))

    assert "0 résultat" in html
    assert 'Essayez : <a href="/recherche/?q=jeux">jeux</a>' in html
    assert "Tout sur : Jeux de rôle" in html
    assert reverse("resources:propose") in html


def test_suggestion_keeps_accents_of_the_indexed_word(client, make_tool):
    make_tool(title="Un jeu de rôle")
    refresh_search_terms()

    html = text(client.get(reverse("search:search"), {"q": "rile"}))

    assert "Essayez : " in html and ">rôle</a>" in html


def test_private_words_are_never_suggested_nor_tolerated(client, tool_index, make_tool):
    draft = ToolPageFactory.build(title="Le projet Zanzibar", live=False)
    tool_index.add_child(instance=draft)
    draft.save_revision()
    restricted = make_tool(title="Le dossier Tombouctou")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.LOGIN
    )
    refresh_search_terms()

    assert not SearchTerm.objects.filter(word__in=["zanzibar", "tombouctou"])
    for typo in ["zanzibr", "tombouctu"]:
        html = text(client.get(reverse("search:search"), {"q": typo}))
        assert "0 résultat" in html
        assert "Essayez :" not in html


def test_suggestion_is_checked_against_public_results(client, make_tool):
    page = make_tool(title="Le dossier Tombouctou")
    refresh_search_terms()  # the word is public now...
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )  # ...and private before the next refresh.

    html = text(client.get(reverse("search:search"), {"q": "tombouctu"}))

    assert "Essayez :" not in html
    assert "tombouctou" not in html.lower()


def test_vocabulary_lookup_costs_one_query_or_two_with_typos(
    make_tool, django_assert_num_queries
):
    make_tool(title="Lutter contre l'illettrisme")
    refresh_search_terms()

    with django_assert_num_queries(1):
        assert corrections(["illettrisme", "lutter", "contre"])["lutter"] == []
    # However many words, misspelt or not: the variants go in one query.
    with django_assert_num_queries(2):
        found_words = corrections(["illetrisme", "lutter", "contre", "lutterr"])

    assert [t.word for t in found_words["illetrisme"]] == ["illettrisme"]
    assert [t.word for t in found_words["lutterr"]] == ["lutter"]
    assert found_words["lutter"] == []


@pytest.mark.parametrize("word", ["illettrisme", "illettrismes"])
def test_known_words_get_no_correction(make_tool, word):
    make_tool(title="Lutter contre l'illettrisme")
    refresh_search_terms()

    assert corrections([word]) == {word: []}


def test_words_of_a_page_are_learnt_as_soon_as_it_is_published(
    client, tool_index, make_tool, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_tool(title="Lutter contre l'illettrisme")

    # No refresh: the publication taught the vocabulary its words.
    assert found(client, "illetrisme") == ["Lutter contre l'illettrisme"]


def test_a_page_published_in_a_private_section_teaches_no_word(
    client, tool_index, django_capture_on_commit_callbacks
):
    PageViewRestriction.objects.create(
        page=tool_index, restriction_type=PageViewRestriction.LOGIN
    )
    with django_capture_on_commit_callbacks(execute=True):
        ToolPageFactory(parent=tool_index, title="Le dossier Tombouctou")

    assert not SearchTerm.objects.filter(word="tombouctou").exists()


def test_digits_are_only_tried_in_words_that_have_some():
    assert "covid19" in edits1("covid1")
    assert "illettrisme" in edits1("illetrisme")
    assert not any(char.isdigit() for word in edits1("illetrisme") for char in word)
