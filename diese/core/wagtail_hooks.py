from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin import widgets
from wagtail.admin.menu import MenuItem

from . import admin_views
from .editorial import EditorialPage


@hooks.register("register_admin_urls")
def register_core_admin_urls():
    return [
        path("a-verifier/", admin_views.review_due, name="review_due"),
        path(
            "relecture/<int:page_id>/",
            admin_views.approval_request,
            name="approval_request",
        ),
    ]


@hooks.register("register_page_header_buttons")
def approval_request_button(page, user, view_name=None, next_url=None):
    if (
        isinstance(page.specific, EditorialPage)
        and page.permissions_for_user(user).can_publish()
    ):
        yield widgets.Button(
            "Faire relire par la personne",
            reverse("approval_request", args=[page.pk]),
            icon_name="mail",
            priority=60,
        )


@hooks.register("register_admin_menu_item")
def register_review_menu_item():
    return MenuItem("À vérifier", reverse("review_due"), icon_name="date", order=210)
