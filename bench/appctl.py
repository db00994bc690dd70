"""Run inside an app's virtualenv, from its project folder, with its settings:

python appctl.py password-hash PASSWORD   print the configured hasher's hash of PASSWORD
python appctl.py seed COUNT HASH          add users up to COUNT, all with password HASH
python appctl.py hash-time PASSWORD N     time N hashes and N checks, print JSON
"""

import json
import sys
import time

import django


def password_hash(password):
    from django.contrib.auth.hashers import make_password

    print(make_password(password))


def seed(count, password_hash):
    """Users user1@example.com .. user<COUNT>@example.com, active, in one INSERT ... SELECT."""
    from django.contrib.auth import get_user_model
    from django.db import connection, models, transaction

    user = get_user_model()
    table = user._meta.db_table
    present = user.objects.filter(email__startswith="user", email__endswith="@example.com").count()
    columns, values, params = [], [], []
    for field in user._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(connection.ops.quote_name(field.column))
        if field.name == "password":
            values.append("%s")
            params.append(password_hash)
        elif field.name in ("email", "username"):
            values.append(f"'user' || n || '{'@example.com' if field.name == 'email' else ''}'")
        elif field.name == "is_active":
            values.append("true")
        elif isinstance(field, models.BooleanField):
            values.append("false")
        elif field.null:
            values.append("NULL")
        elif isinstance(field, models.DateTimeField):
            values.append("now()")
        else:
            values.append("''")
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) "
        f"SELECT {', '.join(values)} FROM generate_series(%s::bigint, %s::bigint) AS n"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [*params, present + 1, count])
    with connection.cursor() as cursor:
        # Settle the new rows as a long-lived table's are: otherwise the first read of each
        # row writes its hint bits, and at 1,000,000 users the timed runs would pay for that.
        cursor.execute(f"VACUUM (FREEZE, ANALYZE) {table}")
    print(f"{table}: {max(count, present)} seeded users")


def hash_time(password, rounds):
    from django.contrib.auth.hashers import check_password, make_password

    started = time.perf_counter()
    encoded = [make_password(password) for _ in range(rounds)]
    made = time.perf_counter()
    for hashed in encoded:
        check_password(password, hashed)
    checked = time.perf_counter()
    per_hash_ms = 1000 / rounds
    print(
        json.dumps(
            {"make_ms": (made - started) * per_hash_ms, "check_ms": (checked - made) * per_hash_ms}
        )
    )


if __name__ == "__main__":
    django.setup()
    command, *args = sys.argv[1:]
    if command == "seed":
        seed(int(args[0]), args[1])
    elif command == "hash-time":
        hash_time(args[0], int(args[1]))
    else:
        password_hash(args[0])
