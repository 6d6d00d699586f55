"""People's family names stored with a straight apostrophe: "O’Neill" and "O'Neill", written
both ways by filers, are looked up as one name."""

from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Replace


def straighten(apps, schema_editor):
    Person = apps.get_model("filings", "Person")
    Person.objects.filter(family__contains="’").update(
        family=Replace("family", Value("’"), Value("'"))
    )


class Migration(migrations.Migration):
    dependencies = [("filings", "0017_search_single_chunks")]

    operations = [migrations.RunPython(straighten, migrations.RunPython.noop)]
