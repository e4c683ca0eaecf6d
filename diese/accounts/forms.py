from django import forms
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from wagtail.users.forms import UserCreationForm, UserEditForm

from .enums import OrganisationKind
from .models import Organisation, User

HONEYPOT_HELP = "Laissez ce champ vide."


class HoneypotMixin(forms.Form):
    """A field people never see or fill; robots fill it."""

    website = forms.CharField(
        label="Ne pas remplir",
        required=False,
        help_text=HONEYPOT_HELP,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise ValidationError("Ce champ doit rester vide.")
        return ""


class OrganisationFieldsMixin(forms.Form):
    organisation_name = forms.CharField(
        label="Structure",
        max_length=200,
        required=False,
        help_text="Le nom de la structure où vous travaillez.",
    )
    organisation_kind = forms.ChoiceField(
        label="Type de structure",
        choices=[("", "—")] + OrganisationKind.choices,
        required=False,
    )
    organisation_territory = forms.CharField(
        label="Territoire d'intervention",
        max_length=200,
        required=False,
        help_text="Commune, département ou région.",
    )

    def save_organisation(self, user: User) -> None:
        name = self.cleaned_data["organisation_name"].strip()
        if not name:
            user.organisation = None
            return
        organisation = Organisation.objects.filter(name__iexact=name).first()
        if organisation is None:
            organisation = Organisation.objects.create(
                name=name,
                kind=self.cleaned_data["organisation_kind"] or OrganisationKind.OTHER,
                territory=self.cleaned_data["organisation_territory"],
            )
        user.organisation = organisation


class SignupForm(HoneypotMixin, OrganisationFieldsMixin, forms.Form):
    # A plain form, not a ModelForm: an address already in use must not be
    # revealed by a uniqueness error; the view warns its owner by e-mail.
    first_name = forms.CharField(
        label="Prénom",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label="Nom",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label="Adresse e-mail",
        help_text="Elle vous sert d'identifiant ; elle n'est jamais affichée.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    job_title = forms.CharField(
        label="Fonction",
        max_length=150,
        required=False,
        help_text=User._meta.get_field("job_title").help_text,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    password1 = forms.CharField(
        label="Mot de passe",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Au moins 10 caractères, pas uniquement des chiffres.",
    )
    password2 = forms.CharField(
        label="Confirmation du mot de passe",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    accept_terms = forms.BooleanField(
        label="J'accepte les mentions légales et les règles de publication du site",
        error_messages={"required": "Cochez cette case pour créer votre compte."},
    )

    field_order = [
        "first_name",
        "last_name",
        "email",
        "job_title",
        "organisation_name",
        "organisation_kind",
        "organisation_territory",
        "password1",
        "password2",
        "accept_terms",
        "website",
    ]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", "Les deux mots de passe ne correspondent pas.")
        elif p1:
            user = User(
                email=cleaned.get("email", ""),
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(p1, user)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def save(self) -> User:
        """Create the account, inactive until its address is confirmed."""
        data = self.cleaned_data
        user = User(
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            job_title=data["job_title"],
            is_active=False,
        )
        user.set_password(data["password1"])
        self.save_organisation(user)
        user.save()
        return user


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label="Adresse e-mail",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    error_messages = {
        "invalid_login": (
            "Adresse e-mail ou mot de passe incorrect. Vérifiez-les, ou "
            "recevez un lien de connexion par e-mail."
        ),
        "inactive": (
            "Votre compte n'est pas encore confirmé : ouvrez le lien reçu par "
            "e-mail lors de l'inscription."
        ),
    }

    def clean(self):
        try:
            return super().clean()
        except ValidationError as error:
            if error.code == "invalid_login" and self._is_unconfirmed():
                raise ValidationError(
                    self.error_messages["inactive"], code="inactive"
                ) from None
            raise

    def _is_unconfirmed(self) -> bool:
        email = (self.cleaned_data.get("username") or "").lower()
        password = self.cleaned_data.get("password") or ""
        user = User.objects.filter(email=email, is_active=False).first()
        return user is not None and user.check_password(password)


class LoginLinkForm(forms.Form):
    email = forms.EmailField(
        label="Adresse e-mail",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class ProfileForm(OrganisationFieldsMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "job_title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = self.instance.organisation
        if organisation is not None:
            self.fields["organisation_name"].initial = organisation.name
            self.fields["organisation_kind"].initial = organisation.kind
            self.fields["organisation_territory"].initial = organisation.territory

    def save(self, commit=True):
        user = super().save(commit=False)
        self.save_organisation(user)
        if commit:
            user.save()
        return user


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label="Votre mot de passe",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Pour confirmer que c'est bien vous.",
    )

    def __init__(self, *args, user, request=None, **kwargs):
        self.user = user
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        # Through authenticate() so that django-axes counts failures here too.
        if (
            authenticate(self.request, username=self.user.email, password=password)
            is None
        ):
            raise ValidationError("Mot de passe incorrect.")
        return password


class WagtailUserEditForm(UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"job_title", "organisation"}


class WagtailUserCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"job_title", "organisation"}
