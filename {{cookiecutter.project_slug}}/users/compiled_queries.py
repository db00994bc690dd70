"""Lookups whose SQL the ORM builds once, for the queries every authenticated request runs.

Building the SQL of a queryset costs Django more than the database takes to answer a
lookup by primary key or unique index: for a join, about twice as much. A lookup that
every request makes can build its SQL once and run it with new parameters each time.
"""

from django.db import connections
from django.utils.functional import cached_property


class CompiledQuery:
    """`build(*samples)` makes a queryset; `get(*params)` runs its SQL with `params` in
    place of `samples` and returns the model instance of the first row, or None.

    Only for querysets whose SQL depends on the types of the parameters, not on their
    values: equality lookups, not `__in` lists or None. Each sample is a distinct value
    of the type its parameter will have, and each must reach the SQL unchanged.
    """

    def __init__(self, build, *samples):
        self.build = build
        self.samples = samples
        self.compiled = {}  # database alias -> what compile() returns

    @cached_property
    def queryset(self):
        return self.build(*self.samples)

    def get(self, *params):
        queryset = self.queryset
        database = queryset.db
        compiled = self.compiled.get(database) or self.compile(database)
        sql, order, field_names, compiler, converters = compiled
        with connections[database].cursor() as cursor:
            cursor.execute(sql, [params[index] for index in order])
            row = cursor.fetchone()
        if row is None:
            return None
        if converters:
            # SQLite's datetimes and booleans, for example, need converting.
            (row,) = compiler.apply_converters([row], converters)
        return queryset.model.from_db(database, field_names, row)

    def compile(self, database):
        compiler = self.queryset.query.get_compiler(database)
        sql, params = compiler.as_sql()
        # The ORM orders the parameters its own way: find where each sample went.
        order = [self.samples.index(param) for param in params if param in self.samples]
        if sorted(order) != list(range(len(self.samples))) or len(params) != len(order):
            raise ValueError(f"parameters {params!r} are not the samples {self.samples!r}")
        columns = [column for column, _sql, _alias in compiler.select]
        field_names = [column.target.attname for column in columns]
        compiled = sql, order, field_names, compiler, compiler.get_converters(columns)
        self.compiled[database] = compiled
        return compiled
