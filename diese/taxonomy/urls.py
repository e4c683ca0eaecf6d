from django.urls import path

from . import views

app_name = "taxonomy"

urlpatterns = [
    path("publics/<slug:slug>/", views.audience, name="audience"),
    path("themes/<slug:slug>/", views.theme, name="theme"),
    path("mots-cles/<slug:slug>/", views.keyword, name="keyword"),
]
