from datetime import date, timedelta

import pytest
from django.utils import timezone

from diese.tools.models import ToolPage

from ..utils import text

pytestmark = pytest.mark.ignore_template_errors  # Wagtail's admin templates


def test_admin_lists_items_past_their_review_date(client, animator, make_tool):
    make_tool(title="Fiche récente")
    make_tool(title="Date dépassée", review_date=date.today() - timedelta(days=3))
    old = make_tool(title="Publiée il y a deux ans")
    ToolPage.objects.filter(pk=old.pk).update(
        last_published_at=timezone.now() - timedelta(days=730)
    )
    client.force_login(animator)

    html = text(client.get("/admin/a-verifier/"))

    assert "Date dépassée" in html
    assert "Publiée il y a deux ans" in html
    assert "Fiche récente" not in html
