"""The WSGI entry point of every benchmarked server.

With BENCH_COUNT_QUERIES=1 each response carries an X-Bench-Queries header with the
number of SQL statements the request ran; the timed servers run without it.
"""

import os

from django.core.wsgi import get_wsgi_application
from django.db import connection

django_application = get_wsgi_application()


def counting_application(environ, start_response):
    count = 0

    def count_query(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    def start_response_with_count(status, headers, exc_info=None):
        return start_response(status, [*headers, ("X-Bench-Queries", str(count))], exc_info)

    with connection.execute_wrapper(count_query):
        return django_application(environ, start_response_with_count)


if os.environ.get("BENCH_COUNT_QUERIES") == "1":
    application = counting_application
else:
    application = django_application
