"""Figures for the animators: subscribers month by month, letters delivered."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from .enums import DeliveryStatus
from .models import ConsentRecord, Letter


@dataclass
class Month:
    month: date
    confirmed: int
    withdrawn: int
    total: int


def _per_month(records, field) -> dict[date, int]:
    rows = (
        records.annotate(month=TruncMonth(field))
        .values("month")
        .annotate(count=Count("pk"))
    )
    return {
        timezone.localtime(row["month"]).date()
        if hasattr(row["month"], "tzinfo")
        else row["month"]: row["count"]
        for row in rows
    }


def subscribers_per_month() -> list[Month]:
    """New confirmations, unsubscriptions and subscribers at each month's end.

    Read from the proofs of consent, which outlive the subscriptions.
    """
    records = ConsentRecord.objects.filter(confirmed_at__isnull=False)
    confirmed = _per_month(records, "confirmed_at")
    withdrawn = _per_month(records.filter(withdrawn_at__isnull=False), "withdrawn_at")
    if not confirmed:
        return []
    month = min(confirmed)
    today = timezone.localdate()
    last = today.replace(day=1)
    months, total = [], 0
    while month <= last:
        total += confirmed.get(month, 0) - withdrawn.get(month, 0)
        months.append(
            Month(month, confirmed.get(month, 0), withdrawn.get(month, 0), total)
        )
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


def letters_with_deliveries():
    return Letter.objects.exclude(status="draft").annotate(
        delivered=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.SENT)),
        refused=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.FAILED)),
        uncertain=Count(
            "deliveries", filter=Q(deliveries__status=DeliveryStatus.PENDING)
        ),
    )
