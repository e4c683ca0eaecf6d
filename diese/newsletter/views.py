import json

from django.core import signing
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from diese.core.views import link_error

from . import services
from .digest import digest_for, letter_items
from .forms import SignupForm, TopicsForm
from .models import Letter, Subscriber

TITLE = "La Lettre"


def _crumbs(title):
    return {
        "title": title,
        "breadcrumbs": [(TITLE, reverse("newsletter:signup")), (title, None)],
    }


def _bad_link(request, title, explanation):
    return link_error(
        request,
        title=title,
        explanation=explanation,
        retry_url=reverse("newsletter:signup"),
        retry_label="S'abonner à La Lettre",
        breadcrumbs=_crumbs(title)["breadcrumbs"],
    )


@ratelimit(key="ip", rate="10/h", method="POST")
@require_http_methods(["GET", "POST"])
def signup(request):
    """Anyone: subscribe to La Lettre (double opt-in)."""
    initial = {"email": request.GET.get("email", "")}
    form = SignupForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        topics = {k: form.cleaned_data[k] for k in TopicsForm.base_fields}
        services.subscriber_signup(email=form.cleaned_data["email"], topics=topics)
        return render(
            request,
            "newsletter/signup_sent.html",
            {"email": form.cleaned_data["email"], **_crumbs("Confirmez votre adresse")},
        )
    return render(
        request,
        "newsletter/signup.html",
        {
            "form": form,
            "title": TITLE,
            "breadcrumbs": [(TITLE, None)],
            # This page is the sign-up form: the footer's would repeat it.
            "letter_box_on_page": True,
        },
    )


def confirm(request, token):
    """Holder of the confirmation link: the subscription starts."""
    try:
        pk = signing.loads(
            token, salt=services.CONFIRM_SALT, max_age=services.CONFIRM_MAX_AGE
        )
    except signing.SignatureExpired:
        return _bad_link(
            request,
            "Ce lien a expiré",
            "Le lien de confirmation n'est valable que 7 jours. Inscrivez-vous à "
            "nouveau : un nouveau lien vous sera envoyé.",
        )
    except signing.BadSignature:
        return _bad_link(
            request,
            "Ce lien n'est pas valide",
            "Il est peut-être incomplet : vérifiez qu'il a été recopié en entier.",
        )
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None:
        return _bad_link(
            request,
            "Ce lien n'est plus valable",
            "Cette inscription n'existe plus. Vous pouvez vous inscrire à nouveau.",
        )
    already = subscriber.is_confirmed
    if not already:
        services.subscriber_confirm(subscriber=subscriber)
    return render(
        request,
        "newsletter/confirmed.html",
        {
            "already": already,
            "manage_url": reverse(
                "newsletter:manage", args=[services.manage_token(subscriber)]
            ),
            **_crumbs("Inscription confirmée"),
        },
    )


@require_http_methods(["GET", "POST"])
def manage(request, token):
    """Holder of their own link: see what is kept, change topics, unsubscribe."""
    subscriber = services.subscriber_from_manage_token(token)
    if subscriber is None:
        return _bad_link(
            request,
            "Lien non valable",
            "Ce lien est incomplet, ou l'abonnement n'existe plus.",
        )
    initial = {
        "frequency": subscriber.frequency,
        "audiences": subscriber.audiences.all(),
        "themes": subscriber.themes.all(),
        "territory": subscriber.territory,
        "only_topics": subscriber.only_topics,
    }
    form = TopicsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.subscriber_update_topics(
            subscriber=subscriber, topics=form.cleaned_data
        )
        return redirect(request.path + "?enregistre=1")
    return render(
        request,
        "newsletter/manage.html",
        {
            "form": form,
            "subscriber": subscriber,
            "saved": request.GET.get("enregistre") == "1",
            "token": token,
            **_crumbs("Mon abonnement"),
        },
    )


def data(request, token):
    """Holder of their own link: download everything kept about them."""
    subscriber = services.subscriber_from_manage_token(token)
    if subscriber is None:
        return _bad_link(request, "Lien non valable", "Ce lien est incomplet.")
    response = HttpResponse(
        json.dumps(services.subscriber_data(subscriber), ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = (
        'attachment; filename="mes-donnees-la-lettre.json"'
    )
    return response


# Mail clients send the RFC 8058 one-click POST without a CSRF token; the
# signed token in the address is what authorises it.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """Holder of their own link: GET asks (scanners open links), POST unsubscribes."""
    subscriber = services.subscriber_from_manage_token(token)
    if request.method == "POST":
        if subscriber is not None:
            services.subscriber_unsubscribe(subscriber=subscriber)
        # Done, or already done: the answer is the same.
        return render(request, "newsletter/unsubscribed.html", _crumbs("Désabonnement"))
    if subscriber is None:
        return _bad_link(
            request,
            "Lien non valable",
            "Ce lien est incomplet, ou vous êtes déjà désabonné.",
        )
    return render(
        request,
        "newsletter/unsubscribe.html",
        {"subscriber": subscriber, **_crumbs("Se désabonner")},
    )


ARCHIVE_TITLE = "Les lettres envoyées"


def archive(request):
    """Anyone: every letter sent, newest first."""
    return render(
        request,
        "newsletter/letter_archive.html",
        {
            "letters": Letter.objects.sent().order_by("-sent_at"),
            **_crumbs(ARCHIVE_TITLE),
        },
    )


def letter(request, number):
    """Anyone: one sent letter, as a subscriber without topics received it."""
    letter = get_object_or_404(Letter.objects.sent(), number=number)
    title = f"La Lettre n° {letter.number}"
    return render(
        request,
        "newsletter/letter_detail.html",
        {
            "letter": letter,
            "digest": digest_for(letter_items(letter)),
            "title": title,
            "breadcrumbs": [
                (TITLE, reverse("newsletter:signup")),
                (ARCHIVE_TITLE, reverse("newsletter:archive")),
                (title, None),
            ],
        },
    )
