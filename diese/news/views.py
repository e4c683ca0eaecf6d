from datetime import UTC, timedelta

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET
from icalendar import Calendar, Event

from .enums import Period
from .models import EventPage

EVENTS_PER_PAGE = 20
# Calendar apps draw an event without an end as a zero-length line, easy to
# miss; an hour is what they suggest themselves for a new event.
DEFAULT_DURATION = timedelta(hours=1)


def _public_events():
    return EventPage.objects.live().public()


@require_GET
def agenda(request):
    """Anyone: live public events, upcoming soonest first or past latest first."""
    is_past = request.GET.get("periode") == Period.PAST
    if is_past:
        events = _public_events().past()
        title = Period.PAST.label
        breadcrumbs = [("Agenda", reverse("news:agenda")), (title, None)]
    else:
        events = _public_events().upcoming()
        title = "Agenda"
        breadcrumbs = [(title, None)]
    return render(
        request,
        "news/agenda.html",
        {
            "events": Paginator(events, EVENTS_PER_PAGE).get_page(
                request.GET.get("page")
            ),
            "is_past": is_past,
            # Page links keep the period the reader chose.
            "page_query": f"?periode={Period.PAST}&" if is_past else "?",
            "title": title,
            "breadcrumbs": breadcrumbs,
        },
    )


def _ical_event(request, event: EventPage) -> Event:
    url = request.build_absolute_uri(event.get_url(request))
    ical = Event()
    # Stable, so that a calendar app updates the event rather than adding a copy.
    ical.add("uid", f"event-{event.pk}@diese")
    ical.add("dtstamp", event.last_published_at or timezone.now())
    ical.add("summary", event.title)
    # In UTC: every calendar app reads it and shows the reader's local time,
    # and the file needs no time zone definitions.
    ical.add("dtstart", event.start.astimezone(UTC))
    ical.add("dtend", (event.end or event.start + DEFAULT_DURATION).astimezone(UTC))
    ical.add("location", event.where)
    ical.add("description", f"{event.summary}\n\n{url}")
    ical.add("url", url)
    return ical


def _ics_response(request, events, *, name, filename=None) -> HttpResponse:
    calendar = Calendar()
    calendar.add("prodid", "-//Diese//Agenda//FR")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(_ical_event(request, event))
    response = HttpResponse(
        calendar.to_ical(), content_type="text/calendar; charset=utf-8"
    )
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def agenda_ics(request):
    """Anyone: the agenda as an iCalendar feed, to subscribe to."""
    return _ics_response(
        request, _public_events().for_calendar(), name="Agenda de Diese"
    )


@require_GET
def event_ics(request, pk):
    """Anyone: one live public event as an iCalendar file, to add to a calendar."""
    event = get_object_or_404(_public_events(), pk=pk)
    return _ics_response(
        request, [event], name=event.title, filename=f"{event.slug}.ics"
    )
