"""/healthz for load balancers and orchestrators: 200 while the database and the cache
answer, 503 otherwise, so traffic leaves a worker that lost either."""

import logging

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse

logger = logging.getLogger(__name__)


def healthz(request):
    checks = {"database": database_answers(), "cache": cache_answers()}
    return JsonResponse(checks, status=200 if all(checks.values()) else 503)


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        return False
    return True


def cache_answers():
    try:
        cache.set("healthz", "ok", timeout=10)
        return cache.get("healthz") == "ok"
    except Exception:  # each cache backend raises its own errors
        logger.exception("Health check: the cache does not answer")
        return False
