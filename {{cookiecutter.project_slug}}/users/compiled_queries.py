"""Lookups whose SQL the ORM builds once, for the queries every authenticated request runs.

Building the SQL of a queryset costs Django more than the database takes to answer a
lookup by primary key or unique index, and a join costs twice as much to build. A
lookup that every request makes can build its SQL once and run it with new parameters.
"""

from dataclasses import dataclass

from django.db import connections
from django.db.models.query import get_related_populators
from django.utils.functional import cached_property


class CompiledQuery:
    """`build(*samples)` makes a queryset; `get(*params)` runs its SQL with `params` in
    place of `samples` and returns the model instance of the first row, with the objects
    of its `select_related()`, or None.

    Only for querysets whose SQL depends on the types of the parameters, not on their
    values: equality lookups, not `__in` lists or None. Each sample is a distinct value
    of the type its parameter will have, and each must reach the SQL unchanged.
    """

    def __init__(self, build, *samples):
        self.build = build
        self.samples = samples
        self.compiled = {}  # database alias -> Compiled

    @cached_property
    def queryset(self):
        return self.build(*self.samples)

    def get(self, *params):
        database = self.queryset.db
        compiled = self.compiled.get(database) or self.compile(database)
        with connections[database].cursor() as cursor:
            cursor.execute(compiled.sql, [params[index] for index in compiled.order])
            row = cursor.fetchone()
        return None if row is None else compiled.instance(database, row)

    def compile(self, database):
        compiler = self.queryset.query.get_compiler(database)
        sql, params = compiler.as_sql()
        # The ORM orders the parameters its own way: find where each sample went.
        order = [self.samples.index(param) for param in params if param in self.samples]
        if sorted(order) != list(range(len(self.samples))) or len(params) != len(order):
            raise ValueError(f"parameters {params!r} are not the samples {self.samples!r}")
        compiled = self.compiled[database] = Compiled(sql, order, compiler)
        return compiled


@dataclass
class Compiled:
    sql: str
    order: list
    compiler: object

    def __post_init__(self):
        # As the ORM's ModelIterable reads a row, with what the compiler found out once.
        select, klass_info = self.compiler.select, self.compiler.klass_info
        fields = klass_info["select_fields"]
        self.model = klass_info["model"]
        self.columns = slice(fields[0], fields[-1] + 1)
        self.field_names = [column.target.attname for column, _sql, _alias in select[self.columns]]
        self.related = get_related_populators(klass_info, select, self.compiler.using)
        self.converters = self.compiler.get_converters([column for column, *_ in select])

    def instance(self, database, row):
        if self.converters:
            # SQLite's datetimes and booleans, for example, need converting.
            (row,) = self.compiler.apply_converters([row], self.converters)
        instance = self.model.from_db(database, self.field_names, row[self.columns])
        for related in self.related:
            related.populate(row, instance)
        return instance
