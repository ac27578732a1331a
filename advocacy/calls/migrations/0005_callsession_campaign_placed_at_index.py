# The dashboard's call queue reads the sessions placed in the last 15 minutes (advocacy/dashboard/call_queue.py).
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("calls", "0004_merge_0002_phone_holds_hash_0003_merge_20261125_0401"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="callsession",
            index=models.Index(fields=["campaign", "placed_at"], name="calls_session_placed_idx"),
        ),
    ]
