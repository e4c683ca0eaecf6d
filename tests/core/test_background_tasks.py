"""Background work goes through the database queue and its worker."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from wagtail.tasks import update_reference_index_task

from diese.core.models import StandardPage


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


# The worker closes its database connection when done, as a separate process
# would: the test cannot run inside a transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_queued_task_waits_for_the_worker_then_runs(database_queue, home):
    page = StandardPage.objects.get(slug="contact")

    result = update_reference_index_task.enqueue("core", "standardpage", page.pk)

    row = DBTaskResult.objects.get(id=result.id)
    assert row.status == "READY"

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    row.refresh_from_db()
    assert row.status == "SUCCESSFUL"
