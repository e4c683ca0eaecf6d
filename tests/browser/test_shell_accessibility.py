"""The site shell in a real browser: keyboard use and axe, on every shell page."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from ..core.test_shell_pages import SHELL_PAGES

pytestmark = [
    pytest.mark.browser,
    # live_server empties the database after each test; this restores what
    # the migrations created (root page, roles, workflow) before each one.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _violations(page):
    results = Axe().run(page)
    return [
        (v["id"], [node["target"] for node in v["nodes"]])
        for v in results.response["violations"]
    ]


def test_home_menu_is_reached_by_keyboard(page, live_server, home):
    page.goto(live_server.url + "/")

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Aller au contenu"

    # Tab on until the main menu's first entry has the focus.
    for _ in range(15):
        page.keyboard.press("Tab")
        in_menu = page.evaluate(
            "!!document.activeElement.closest('nav[aria-label=\"Menu principal\"]')"
        )
        if in_menu:
            break
    assert in_menu, "the main menu was not reached with the Tab key"
    assert page.evaluate("document.activeElement.textContent.trim()") == "Outils"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus must be visible"

    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/outils/")
    assert page.locator("h1").inner_text() == "Outils"


def test_skip_link_moves_focus_to_the_content(page, live_server, home):
    page.goto(live_server.url + "/")

    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "contenu"


@pytest.mark.parametrize("url", SHELL_PAGES)
def test_axe_finds_no_violation(page, live_server, home, url):
    page.goto(live_server.url + url)

    assert _violations(page) == []


@pytest.mark.parametrize("width", [320, 1280])
def test_menu_is_visible_without_scrolling_on_small_and_wide_screens(
    browser, live_server, home, width
):
    context = browser.new_context(viewport={"width": width, "height": 640})
    page = context.new_page()
    page.goto(live_server.url + "/")

    # The stylesheet is served, so axe's contrast checks judge the real design.
    nav_background = page.evaluate(
        "getComputedStyle(document.querySelector('.main-nav')).backgroundColor"
    )
    assert nav_background == "rgb(15, 53, 99)"
    for label in ["Outils", "Groupes"]:
        box = page.get_by_role("link", name=label, exact=True).bounding_box()
        assert box is not None and box["y"] + box["height"] <= 640
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def test_the_axe_check_does_catch_a_violation(page, live_server, home):
    page.goto(live_server.url + "/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        " '<img src=\"/static/none.png\">')"
    )

    assert "image-alt" in [rule for rule, _ in _violations(page)]
