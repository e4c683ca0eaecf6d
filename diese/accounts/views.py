from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import Group
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from diese.core.mail import send_templated_mail
from diese.core.views import link_error

from . import tokens
from .enums import Role
from .forms import (
    AccountDeleteForm,
    LoginForm,
    LoginLinkForm,
    ProfileForm,
    SignupForm,
)
from .models import User

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"

LINK_ERRORS = {
    tokens.LinkExpired: (
        "Ce lien a expiré",
        "Pour des raisons de sécurité, ce lien n'est valable qu'un temps limité.",
    ),
    tokens.LinkUsed: (
        "Ce lien a déjà été utilisé",
        "Chaque lien ne sert qu'une fois.",
    ),
    tokens.LinkInvalid: (
        "Ce lien n'est pas valide",
        "Il est peut-être incomplet : vérifiez qu'il a été recopié en entier.",
    ),
}


def _link_error(request, error, *, retry_url, retry_label):
    title, explanation = LINK_ERRORS[type(error)]
    return link_error(
        request,
        title=title,
        explanation=explanation,
        retry_url=retry_url,
        retry_label=retry_label,
        breadcrumbs=[(title, None)],
    )


def _send_signup_link(request, user: User) -> None:
    token = tokens.make_link_token(user, tokens.SIGNUP)
    send_templated_mail(
        to=user.email,
        template="accounts/emails/signup_confirm",
        context={
            "user": user,
            "url": request.build_absolute_uri(
                reverse("accounts:signup_confirm", args=[token])
            ),
            "days": settings.DIESE_SIGNUP_LINK_MAX_AGE // 86400,
        },
    )


@ratelimit(key="ip", rate="10/h", method="POST")
@require_http_methods(["GET", "POST"])
def signup(request):
    """Anyone signed out: create an account, confirmed by a link sent by e-mail."""
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        existing = User.objects.filter(email=email).first()
        if existing is None:
            with transaction.atomic():
                user = form.save()
                user.groups.add(Group.objects.get(name=Role.MEMBER))
            _send_signup_link(request, user)
        elif not existing.is_active:
            _send_signup_link(request, existing)
        else:
            send_templated_mail(
                to=existing.email,
                template="accounts/emails/signup_existing",
                context={
                    "login_url": request.build_absolute_uri(reverse("accounts:login")),
                    "reset_url": request.build_absolute_uri(
                        reverse("accounts:password_reset")
                    ),
                },
            )
        request.session["signup_email"] = email
        return redirect("accounts:signup_sent")
    return render(
        request,
        "accounts/signup.html",
        {
            "form": form,
            "title": "Créer un compte",
            "breadcrumbs": [("Créer un compte", None)],
        },
    )


def signup_sent(request):
    """Anyone: after sign-up, where the confirmation e-mail went."""
    return render(
        request,
        "accounts/signup_sent.html",
        {
            "email": request.session.get("signup_email"),
            "title": "Confirmez votre adresse",
            "breadcrumbs": [("Confirmez votre adresse", None)],
        },
    )


def signup_confirm(request, token):
    """Anyone holding the link: activates the account and signs in."""
    try:
        user = tokens.read_link_token(
            token, tokens.SIGNUP, settings.DIESE_SIGNUP_LINK_MAX_AGE
        )
    except tokens.LinkError as error:
        if isinstance(error, tokens.LinkUsed):
            retry_url, retry_label = reverse("accounts:login"), "Se connecter"
        else:
            retry_url, retry_label = (
                reverse("accounts:signup"),
                "Recommencer l'inscription",
            )
        return _link_error(request, error, retry_url=retry_url, retry_label=retry_label)
    user.is_active = True
    user.save(update_fields=["is_active"])
    login(request, user, backend=MODEL_BACKEND)
    messages.success(request, "Votre adresse est confirmée : bienvenue sur Diese !")
    return redirect("accounts:profile")


class LoginView(auth_views.LoginView):
    """Anyone: sign in with e-mail and password (failures throttled by axes)."""

    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True
    extra_context = {"title": "Se connecter", "breadcrumbs": [("Se connecter", None)]}


@ratelimit(key="ip", rate="10/h", method="POST")
@ratelimit(key="post:email", rate="5/h", method="POST")
@require_http_methods(["GET", "POST"])
def login_link_request(request):
    """Anyone: receive a one-time sign-in link by e-mail."""
    form = LoginLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = User.objects.filter(
            email=form.cleaned_data["email"].lower(), is_active=True
        ).first()
        if user is not None:
            token = tokens.make_link_token(user, tokens.LOGIN)
            send_templated_mail(
                to=user.email,
                template="accounts/emails/login_link",
                context={
                    "user": user,
                    "url": request.build_absolute_uri(
                        reverse("accounts:login_link", args=[token])
                    ),
                    "minutes": settings.DIESE_LOGIN_LINK_MAX_AGE // 60,
                },
            )
        # The same answer whether or not the address has an account.
        return render(
            request,
            "accounts/login_link_sent.html",
            {
                "email": form.cleaned_data["email"],
                "minutes": settings.DIESE_LOGIN_LINK_MAX_AGE // 60,
                "title": "Lien envoyé",
                "breadcrumbs": [("Lien envoyé", None)],
            },
        )
    return render(
        request,
        "accounts/login_link_request.html",
        {
            "form": form,
            "title": "Recevoir un lien de connexion",
            "breadcrumbs": [("Recevoir un lien de connexion", None)],
        },
    )


@require_http_methods(["GET", "POST"])
def login_link(request, token):
    """Anyone holding the link: GET asks to confirm, POST signs in.

    Signing in only on POST keeps mail scanners that open links from
    spending the one-time link.
    """
    try:
        user = tokens.read_link_token(
            token, tokens.LOGIN, settings.DIESE_LOGIN_LINK_MAX_AGE
        )
        if not user.is_active:
            raise tokens.LinkInvalid
    except tokens.LinkError as error:
        return _link_error(
            request,
            error,
            retry_url=reverse("accounts:login_link_request"),
            retry_label="Recevoir un nouveau lien",
        )
    if request.method == "POST":
        login(request, user, backend=MODEL_BACKEND)
        messages.success(request, "Vous êtes connecté.")
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/login_link_confirm.html",
        {
            "link_user": user,
            "title": "Se connecter",
            "breadcrumbs": [("Se connecter", None)],
        },
    )


@login_required
@require_http_methods(["GET"])
def profile(request):
    """The signed-in member: their own account."""
    return render(
        request,
        "accounts/profile.html",
        {"title": "Mon compte", "breadcrumbs": [("Mon compte", None)]},
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    """The signed-in member: edit their own profile."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Votre profil est enregistré.")
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/profile_edit.html",
        {
            "form": form,
            "title": "Modifier mon profil",
            "breadcrumbs": [
                ("Mon compte", reverse("accounts:profile")),
                ("Modifier mon profil", None),
            ],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    """The signed-in member: delete their own account.

    Pages and revisions they wrote stay; their author becomes empty and is
    shown as "ancien membre".
    """
    form = AccountDeleteForm(request.POST or None, user=request.user, request=request)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        user.delete()
        messages.success(
            request, "Votre compte a été supprimé. Merci d'avoir participé."
        )
        return redirect("/")
    return render(
        request,
        "accounts/account_delete.html",
        {
            "form": form,
            "title": "Supprimer mon compte",
            "breadcrumbs": [
                ("Mon compte", reverse("accounts:profile")),
                ("Supprimer mon compte", None),
            ],
        },
    )


def _crumbs(title):
    return {"title": title, "breadcrumbs": [(title, None)]}


class PasswordResetView(auth_views.PasswordResetView):
    """Anyone: ask for a password reset link."""

    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/emails/password_reset.txt"
    subject_template_name = "accounts/emails/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")
    extra_email_context = {"site_name": settings.WAGTAIL_SITE_NAME}
    extra_context = _crumbs("Mot de passe oublié")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"
    extra_context = _crumbs("Mot de passe oublié")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Anyone holding the link: choose a new password."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
    extra_context = _crumbs("Nouveau mot de passe")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
    extra_context = _crumbs("Mot de passe changé")


class PasswordChangeView(auth_views.PasswordChangeView):
    """The signed-in member: change their password."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")
    extra_context = {
        "title": "Changer de mot de passe",
        "breadcrumbs": [("Changer de mot de passe", None)],
    }

    def form_valid(self, form):
        messages.success(self.request, "Votre mot de passe est changé.")
        return super().form_valid(form)


class LogoutView(auth_views.LogoutView):
    """The signed-in member: sign out (POST only)."""
