"""Create the site's roles (Membre, Auteur, Animateur) and the validation workflow.

Wagtail's default groups (Editors, Moderators) and workflow are replaced:
Auteurs write drafts and submit them, Animateurs validate and publish.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

AUTHOR_PAGE_PERMISSIONS = ["add_page"]
ANIMATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
AUTHOR_COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
]
ANIMATOR_COLLECTION_PERMISSIONS = AUTHOR_COLLECTION_PERMISSIONS + [
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
]
ANIMATOR_MODEL_PERMISSIONS = [
    ("accounts", "add_organisation"),
    ("accounts", "change_organisation"),
    ("accounts", "delete_organisation"),
]
WORKFLOW_NAME = "Validation par l'équipe d'animation"


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations have run; they
    # are needed now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    Task = apps.get_model("wagtailcore.Task")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    # Replace Wagtail's defaults.
    Workflow.objects.filter(name="Moderators approval").delete()
    Task.objects.filter(name="Moderators approval").delete()
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()

    def perm(app_label, codename):
        return Permission.objects.get(
            content_type__app_label=app_label, codename=codename
        )

    member, _ = Group.objects.get_or_create(name="Membre")
    author, _ = Group.objects.get_or_create(name="Auteur")
    animator, _ = Group.objects.get_or_create(name="Animateur")

    access_admin = perm("wagtailadmin", "access_admin")
    author.permissions.add(access_admin)
    animator.permissions.add(access_admin)
    for app_label, codename in ANIMATOR_MODEL_PERMISSIONS:
        animator.permissions.add(perm(app_label, codename))

    root_page = Page.objects.get(depth=1)
    for group, codenames in [
        (author, AUTHOR_PAGE_PERMISSIONS),
        (animator, ANIMATOR_PAGE_PERMISSIONS),
    ]:
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=perm("wagtailcore", codename)
            )

    root_collection = Collection.objects.get(depth=1)
    for group, perms in [
        (author, AUTHOR_COLLECTION_PERMISSIONS),
        (animator, ANIMATOR_COLLECTION_PERMISSIONS),
    ]:
        for app_label, codename in perms:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=perm(app_label, codename),
            )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(
        name="Validation par un Animateur", content_type=task_type, active=True
    )
    task.groups.set([animator])
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.filter(page=root_page).delete()
    WorkflowPage.objects.create(workflow=workflow, page=root_page)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
