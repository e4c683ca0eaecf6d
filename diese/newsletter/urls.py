from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("", views.signup, name="signup"),
    path("confirmer/<str:token>/", views.confirm, name="confirm"),
    path("abonnement/<str:token>/", views.manage, name="manage"),
    path("abonnement/<str:token>/donnees.json", views.data, name="data"),
    path("desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("archives/", views.archive, name="archive"),
    path("archives/<int:number>/", views.letter, name="letter"),
]
