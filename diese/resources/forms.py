from django import forms
from django.core.exceptions import ValidationError

from diese.accounts.forms import HoneypotMixin
from diese.tools.models import ToolPage

from .enums import ResourceCategory
from .models import Proposal, ResourcePage, normalise_link


class ProposalForm(HoneypotMixin, forms.ModelForm):
    class Meta:
        model = Proposal
        fields = ["kind", "title", "link", "reason", "email"]
        widgets = {
            "kind": forms.RadioSelect,
            "reason": forms.Textarea(attrs={"rows": 5}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        help_texts = {
            "link": "L'adresse du site ou de la page qui présente l'outil.",
            "reason": "Pour qui, dans quelle situation, ce que vous en avez retiré.",
            "email": (
                "Pour vous dire si la proposition est retenue ; elle n'est "
                "jamais publiée."
            ),
        }
        error_messages = {
            "link": {
                "invalid": "Saisissez une adresse web complète, "
                "par exemple https://www.exemple.fr/."
            }
        }

    def clean_link(self):
        link = self.cleaned_data["link"]
        key = normalise_link(link)
        if Proposal.objects.pending().filter(link_key=key).exists():
            raise ValidationError(
                "Ce lien a déjà été proposé : il attend la relecture de l'équipe."
            )
        published = [
            page.website for page in ResourcePage.objects.live().only("website")
        ] + [
            page.link for page in ToolPage.objects.live().exclude(link="").only("link")
        ]
        if any(normalise_link(url) == key for url in published):
            raise ValidationError("Ce lien est déjà publié sur le site.")
        return link


class ProposalAcceptForm(forms.Form):
    publish = forms.BooleanField(
        label="Publier directement",
        required=False,
        help_text="Sinon, un brouillon pré-rempli est créé pour être complété.",
    )
    category = forms.ChoiceField(
        label="Catégorie (ressource web)",
        choices=ResourceCategory.choices,
        initial=ResourceCategory.INFORMATION,
        required=False,
    )


class ProposalRefuseForm(forms.Form):
    reason = forms.CharField(
        label="Motif du refus",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Il est envoyé à la personne qui a fait la proposition.",
        error_messages={"required": "Indiquez le motif du refus."},
    )
