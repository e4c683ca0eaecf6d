from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from . import admin_views, services
from .models import Letter


class LetterCreateView(CreateView):
    def save_instance(self):
        letter = super().save_instance()
        services.letter_fill(letter=letter)
        return letter

    def get_success_url(self):
        # Straight to the gathered items, to review them.
        return reverse(self.edit_url_name, args=[self.object.pk])


class LetterEditView(EditView):
    def post(self, request, *args, **kwargs):
        if not self.object.is_editable:
            messages.error(
                request, "Une lettre en cours d'envoi ou envoyée ne change plus."
            )
            return redirect("newsletter_letter_send", self.object.pk)
        return super().post(request, *args, **kwargs)

    @property
    def header_buttons(self):
        return [
            HeaderButton(
                "Envoyer ou programmer",
                url=reverse("newsletter_letter_send", args=[self.object.pk]),
                icon_name="mail",
            ),
            HeaderButton(
                "Aperçu de l'e-mail",
                url=reverse("newsletter_letter_preview", args=[self.object.pk]),
                icon_name="view",
            ),
        ]


class LetterViewSet(SnippetViewSet):
    model = Letter
    icon = "mail"
    menu_label = "La Lettre"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["number", "subject", "status", "scheduled_at", "sent_at"]
    list_filter = ["status"]
    add_view_class = LetterCreateView
    edit_view_class = LetterEditView


register_snippet(LetterViewSet)


@hooks.register("register_admin_urls")
def register_newsletter_admin_urls():
    return [
        path(
            "lettre/<int:pk>/envoyer/",
            admin_views.letter_send,
            name="newsletter_letter_send",
        ),
        path(
            "lettre/<int:pk>/apercu/",
            admin_views.letter_preview,
            name="newsletter_letter_preview",
        ),
        path(
            "lettre/statistiques/",
            admin_views.newsletter_stats,
            name="newsletter_stats",
        ),
    ]


class AnimatorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("newsletter.change_letter")


@hooks.register("register_admin_menu_item")
def register_newsletter_stats_menu_item():
    return AnimatorMenuItem(
        "Lettre : statistiques",
        reverse("newsletter_stats"),
        icon_name="table",
        order=221,
    )
