from django.urls import path

from . import views

app_name = "news"

urlpatterns = [
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("agenda/<int:pk>.ics", views.event_ics, name="event_ics"),
]
