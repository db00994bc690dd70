"""The Celery app: `celery -A config worker` runs the tasks in users/tasks.py."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

app = Celery("config")
# Settings named CELERY_*, e.g. CELERY_BROKER_URL.
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
