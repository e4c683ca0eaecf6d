from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse

from . import services, stats
from .enums import LetterStatus
from .forms import ScheduleForm
from .models import Letter


def _require_animator(request):
    if not request.user.has_perm("newsletter.change_letter"):
        raise PermissionDenied


def letter_preview(request, pk):
    """Animateurs: the letter exactly as e-mailed to a reader without topics."""
    _require_animator(request)
    letter = get_object_or_404(Letter, pk=pk)
    context = services.letter_preview_context(letter=letter)
    if request.GET.get("format") == "texte":
        body = render_to_string("newsletter/emails/letter.txt", context)
        return HttpResponse(body, content_type="text/plain; charset=utf-8")
    return HttpResponse(render_to_string("newsletter/emails/letter.html", context))


def letter_send(request, pk):
    """Animateurs: send a letter now, schedule it, or resume an interrupted sending."""
    _require_animator(request)
    letter = get_object_or_404(Letter, pk=pk)
    form = ScheduleForm(
        request.POST if request.POST.get("action") == "schedule" else None
    )
    if request.method == "POST" and letter.status != LetterStatus.SENT:
        action = request.POST.get("action")
        if action == "now":
            services.letter_send_now(letter=letter)
            messages.success(request, f"L'envoi de « {letter} » a commencé.")
            return redirect("newsletter_letter_send", letter.pk)
        if action == "schedule" and form.is_valid():
            when = form.cleaned_data["when"]
            services.letter_schedule(letter=letter, when=when)
            messages.success(request, f"« {letter} » est programmée.")
            return redirect("newsletter_letter_send", letter.pk)
        if action == "unschedule" and letter.status == LetterStatus.SCHEDULED:
            services.letter_unschedule(letter=letter)
            messages.success(request, "La programmation est annulée.")
            return redirect("newsletter_letter_send", letter.pk)
    return render(
        request,
        "newsletter/admin/letter_send.html",
        {
            "letter": letter,
            "form": form,
            "recipients": letter.recipients().count(),
            "delivered": letter.deliveries.filter(status="sent").count(),
            "items": letter.items.count(),
            "edit_url": reverse("wagtailsnippets_newsletter_letter:edit", args=[pk]),
        },
    )


def newsletter_stats(request):
    """Animateurs: subscribers month by month and deliveries of each letter."""
    _require_animator(request)
    return render(
        request,
        "newsletter/admin/stats.html",
        {
            "months": stats.subscribers_per_month(),
            "letters": stats.letters_with_deliveries(),
        },
    )
