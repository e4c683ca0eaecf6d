from django import forms
from django.utils import timezone

from diese.accounts.forms import HoneypotMixin
from diese.taxonomy.enums import TerritoryKind
from diese.taxonomy.models import Audience, Territory, Theme

from .enums import Frequency
from .models import CONSENT_TEXT


class TopicsForm(forms.Form):
    frequency = forms.ChoiceField(
        label="Fréquence",
        choices=Frequency.choices,
        initial=Frequency.MONTHLY,
        widget=forms.RadioSelect,
    )
    audiences = forms.ModelMultipleChoiceField(
        label="Publics qui vous intéressent (facultatif)",
        queryset=Audience.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        to_field_name="slug",
    )
    themes = forms.ModelMultipleChoiceField(
        label="Thèmes qui vous intéressent (facultatif)",
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        to_field_name="slug",
    )
    territory = forms.ModelChoiceField(
        label="Votre territoire (facultatif)",
        queryset=Territory.objects.exclude(kind=TerritoryKind.NATIONAL),
        required=False,
        empty_label="Toute la France",
        to_field_name="slug",
    )
    only_topics = forms.BooleanField(
        label="Ne recevoir que mes sujets",
        required=False,
        help_text="Sinon, vos sujets viennent en premier, suivis du reste.",
    )


class SignupForm(HoneypotMixin, TopicsForm):
    email = forms.EmailField(
        label="Votre adresse e-mail",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": "Cochez cette case pour vous abonner."},
    )

    field_order = [
        "email",
        "frequency",
        "audiences",
        "themes",
        "territory",
        "only_topics",
        "consent",
        "website",
    ]


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label="Date et heure d'envoi",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"],
        error_messages={"invalid": "Indiquez une date et une heure valides."},
    )

    def clean_when(self):
        when = self.cleaned_data["when"]
        if when <= timezone.now():
            raise forms.ValidationError("Choisissez un moment à venir.")
        return when
