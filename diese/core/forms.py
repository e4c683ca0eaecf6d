from django import forms


class ApprovalRequestForm(forms.Form):
    name = forms.CharField(
        label="Nom et structure de la personne",
        max_length=200,
        help_text="Par exemple : la conseillère du CIDFF du Rhône qui a témoigné.",
    )
    email = forms.EmailField(label="Son adresse e-mail")


class ApprovalAnswerForm(forms.Form):
    decision = forms.ChoiceField(
        label="Votre réponse",
        choices=[
            ("approve", "J'approuve ce texte, il peut être publié"),
            ("changes", "Je demande des modifications"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez une réponse."},
    )
    comment = forms.CharField(
        label="Commentaire",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Indispensable si vous demandez des modifications.",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "changes" and not cleaned.get("comment"):
            self.add_error("comment", "Dites ce qu'il faut modifier.")
        return cleaned
