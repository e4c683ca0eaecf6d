from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "diese.accounts"
    label = "accounts"
    verbose_name = "Comptes"


class DieseUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with our profile fields in its forms."""

    user_viewset = "diese.accounts.viewsets.UserViewSet"
