"""Animateurs build, preview, send and schedule letters in the admin; others
cannot."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from diese.newsletter.models import Letter

from ..utils import text

pytestmark = pytest.mark.ignore_template_errors  # Wagtail's admin templates

LIST_URL = "/admin/snippets/newsletter/letter/"
ADD_URL = LIST_URL + "add/"


# Members have no admin access (sign-in page); authors have, but Wagtail turns
# the refusal (PermissionDenied) into a redirect to the dashboard.
@pytest.mark.parametrize(
    "who, refused_to", [("member", "/compte/connexion/"), ("author", "/admin/")]
)
def test_members_and_authors_cannot_reach_the_letters(
    client, home, request, who, refused_to
):
    client.force_login(request.getfixturevalue(who))
    letter = Letter.objects.create(subject="Lettre")

    for url in [
        LIST_URL,
        ADD_URL,
        f"/admin/lettre/{letter.pk}/envoyer/",
        f"/admin/lettre/{letter.pk}/apercu/",
        "/admin/lettre/statistiques/",
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.split("?")[0] == refused_to, url
    sent = client.post(f"/admin/lettre/{letter.pk}/envoyer/", {"action": "now"})
    assert sent.url.split("?")[0] == refused_to
    letter.refresh_from_db()
    assert letter.status == "draft"


@pytest.fixture
def lenient_templates(settings):
    """Wagtail's InlinePanel relies on `{{ icon|default:… }}` with `icon`
    undefined, which the strict test setting turns into an error."""
    import copy

    templates = copy.deepcopy(settings.TEMPLATES)
    for engine in templates:
        engine.setdefault("OPTIONS", {})["string_if_invalid"] = ""
    settings.TEMPLATES = templates


def _letter_form(letter, items):
    return nested_form_data(
        {
            "subject": letter.subject,
            "number": letter.number,
            "audience": letter.audience,
            "editorial": rich_text("<p>Le mot de l'équipe.</p>"),
            "period_start": "",
            "period_end": "",
            "items": inline_formset(items, initial=letter.items.count()),
        }
    )


def test_animator_creates_edits_previews_and_sends_a_letter(
    lenient_templates,
    client,
    animator,
    make_tool,
    make_news,
    smtp,
    make_subscriber,
    django_capture_on_commit_callbacks,
):
    tool = make_tool(title="Outil du mois")
    news = make_news(title="Brève du mois")
    dropped = make_tool(title="Outil à retirer")
    make_subscriber("lectrice@exemple.fr")
    client.force_login(animator)
    assert client.get(LIST_URL).status_code == 200
    assert client.get(ADD_URL).status_code == 200

    created = client.post(
        ADD_URL,
        nested_form_data(
            {
                "subject": "Spécial rentrée",
                "number": 1,
                "audience": "everyone",
                "editorial": rich_text(""),
                "period_start": "",
                "period_end": "",
                "items": inline_formset([]),
            }
        ),
    )

    letter = Letter.objects.get()
    assert created.status_code == 302
    assert created.url.endswith(f"/letter/edit/{letter.pk}/")
    items = {item.page_id: item for item in letter.items.all()}
    assert set(items) == {tool.pk, news.pk, dropped.pk}
    assert client.get(created.url).status_code == 200

    # As the admin form does: forms in their order, the new positions in ORDER.
    edited = client.post(
        created.url,
        _letter_form(
            letter,
            [
                {"id": items[tool.pk].pk, "page": tool.pk, "ORDER": 2},
                {
                    "id": items[news.pk].pk,
                    "page": news.pk,
                    "featured": "on",
                    "ORDER": 1,
                },
                {"id": items[dropped.pk].pk, "page": dropped.pk, "DELETE": "on"},
            ],
        ),
    )
    assert edited.status_code == 302, text(edited)
    assert [(i.page_id, i.featured) for i in letter.items.order_by("sort_order")] == [
        (news.pk, True),
        (tool.pk, False),
    ]

    preview = text(client.get(f"/admin/lettre/{letter.pk}/apercu/"))
    assert '<html lang="fr">' in preview
    assert "Le mot de l'équipe." in preview
    assert preview.index("À la une") < preview.index("Brève du mois")
    assert preview.index("Brève du mois") < preview.index("Outil du mois")
    assert "Outil à retirer" not in preview
    page = text(client.get(f"/admin/lettre/{letter.pk}/envoyer/"))
    assert "1 abonné confirmé" in page and "Envoyer maintenant" in page

    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(f"/admin/lettre/{letter.pk}/envoyer/", {"action": "now"})

    assert sent.status_code == 302
    letter.refresh_from_db()
    assert letter.status == "sent"
    body = smtp.last_body("lectrice@exemple.fr")
    assert "À LA UNE" in body and "Brève du mois" in body
    # A sent letter no longer changes.
    refused = client.post(created.url, _letter_form(letter, []))
    assert refused.url == f"/admin/lettre/{letter.pk}/envoyer/"
    assert letter.items.count() == 2


def test_animator_schedules_a_letter_sent_when_due(
    client,
    animator,
    make_letter,
    make_tool,
    smtp,
    make_subscriber,
    django_capture_on_commit_callbacks,
):
    make_tool()
    make_subscriber("lectrice@exemple.fr")
    letter = make_letter()
    client.force_login(animator)
    url = f"/admin/lettre/{letter.pk}/envoyer/"

    past = client.post(url, {"action": "schedule", "when": "2020-01-01T09:00"})
    assert "Choisissez un moment à venir." in text(past)
    assert 'value="2020-01-01T09:00"' in text(past)

    when = timezone.localtime() + timedelta(days=2)
    client.post(url, {"action": "schedule", "when": when.strftime("%Y-%m-%dT%H:%M")})
    letter.refresh_from_db()
    assert letter.status == "scheduled"
    assert letter.scheduled_at == when.replace(second=0, microsecond=0)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_due_letters", stdout=io.StringIO())
    assert smtp.messages == []  # not due yet

    Letter.objects.filter(pk=letter.pk).update(
        scheduled_at=timezone.now() - timedelta(minutes=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_due_letters", stdout=io.StringIO())

    letter.refresh_from_db()
    assert letter.status == "sent"
    assert len(smtp.for_address("lectrice@exemple.fr")) == 1


def test_stats_show_subscribers_per_month_and_deliveries(
    client,
    animator,
    make_letter,
    make_subscriber,
    smtp,
    django_capture_on_commit_callbacks,
):
    from diese.newsletter import services

    for n in range(3):
        client.post(
            "/lettre/",
            {
                "email": f"p{n}@exemple.fr",
                "frequency": "weekly",
                "consent": "on",
                "website": "",
            },
        )
        client.get(smtp.link_in(f"p{n}@exemple.fr").split("8000", 1)[-1])
    letter = make_letter()
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_send_now(letter=letter)
    client.post(
        smtp.for_address("p0@exemple.fr")[-1]["List-Unsubscribe"]
        .strip()
        .strip("<>")
        .split("8000", 1)[-1]
    )

    client.force_login(animator)
    html = text(client.get("/admin/lettre/statistiques/"))

    month = timezone.localdate().strftime("%m")
    assert "<td>3</td><td>1</td><td>2</td>" in html.replace("\n", ""), month
    assert f"{letter}</a></th><td>Envoyée</td><td>3</td><td>0</td>" in html


def test_wagtail_live_preview_shows_the_email_being_edited(
    lenient_templates, client, animator, make_letter, make_tool
):
    tool = make_tool(title="Outil aperçu")
    letter = make_letter()
    item = letter.items.get()
    client.force_login(animator)
    url = f"/admin/snippets/newsletter/letter/preview/{letter.pk}/"

    form = _letter_form(letter, [{"id": item.pk, "page": tool.pk, "featured": "on"}])
    answer = client.post(url, form)
    assert answer.json()["is_valid"] is True

    html = text(client.get(url))
    assert '<html lang="fr">' in html
    assert "Le mot de l'équipe." in html  # typed, not saved yet
    assert html.index("À la une") < html.index("Outil aperçu")
