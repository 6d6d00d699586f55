"""The three roles as groups: reader (reads, keeps private notes), analyst (annotates,
shares with the team, merges people, uploads), admin (everything, moderates, restores)."""

from django.db import migrations

READER = ["view_filing", "view_document", "view_company", "view_person", "add_annotation"]
ANALYST = READER + [
    "change_annotation",
    "share_annotation",
    "add_filing",
    "change_filing",
    "change_person",
]


def make_roles(apps, schema_editor):
    # Permissions are made after migrations run; these groups need them now.
    from django.contrib.auth.management import create_permissions

    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    filings = Permission.objects.filter(content_type__app_label="filings")
    for name, codenames in (
        ("reader", READER),
        ("analyst", ANALYST),
        ("admin", list(filings.values_list("codename", flat=True))),
    ):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*filings.filter(codename__in=codenames))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["reader", "analyst", "admin"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("filings", "0006_annotations"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(make_roles, remove_roles)]
