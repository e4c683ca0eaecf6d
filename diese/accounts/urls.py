from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("modifier/", views.profile_edit, name="profile_edit"),
    path("supprimer/", views.account_delete, name="delete"),
    path("inscription/", views.signup, name="signup"),
    path("inscription/envoyee/", views.signup_sent, name="signup_sent"),
    path(
        "inscription/confirmer/<str:token>/",
        views.signup_confirm,
        name="signup_confirm",
    ),
    path("connexion/", views.LoginView.as_view(), name="login"),
    path("connexion/lien/", views.login_link_request, name="login_link_request"),
    path("connexion/lien/<str:token>/", views.login_link, name="login_link"),
    path("deconnexion/", views.LogoutView.as_view(), name="logout"),
    path(
        "mot-de-passe/oubli/",
        views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "mot-de-passe/oubli/envoye/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "mot-de-passe/nouveau/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "mot-de-passe/change/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "mot-de-passe/modifier/",
        views.PasswordChangeView.as_view(),
        name="password_change",
    ),
]
