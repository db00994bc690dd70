"""Lookups whose SQL the ORM builds once: those of every authenticated request, and the
lookup by address of requests for a link or code, which anyone can make.

Building the SQL of a queryset costs Django more than the database takes to answer a
lookup by primary key or unique index, and a join costs twice as much to build. A
lookup that every request makes can build its SQL once and run it with new parameters.
"""

import copy

from django.db import connections
from django.utils.functional import cached_property


class CompiledQuery:
    """`build(*samples)` makes a queryset; `get(*params)` runs its SQL with `params` in
    place of `samples` and returns the model instance of the first row, or None. With
    `using`, it runs on that database, as `queryset.using()` would.

    The rows become instances as the queryset's own would, `select_related()` included:
    only building the SQL is skipped. So this suits querysets whose SQL depends on the
    types of the parameters, not on their values: equality lookups, not `__in` lists or
    None. Each sample is a distinct value of the type its parameter will have, unlike any
    constant of the query, and each must reach the SQL unchanged.
    """

    def __init__(self, build, *samples):
        self.build = build
        self.samples = samples
        self.compiled = {}  # database alias -> (compiler, SQL, parameters, their samples)

    @cached_property
    def queryset(self):
        return self.build(*self.samples)

    def get(self, *params, using=None):
        # A copy, whose query this call may change.
        queryset = self.queryset.using(using) if using else self.queryset.all()
        database = queryset.db
        compiled = self.compiled.get(database) or self.compile(database)
        compiled_compiler, sql, built_params, samples = compiled
        # A copy per call, as requests may run in threads. It keeps what building the SQL
        # taught the compiler (the columns, the models of select_related()).
        compiler = copy.copy(compiled_compiler)
        # Connections belong to threads: run on this thread's, not the one that built the SQL.
        compiler.connection = connections[database]
        query_params = tuple(
            param if sample is None else params[sample]
            for param, sample in zip(built_params, samples, strict=True)
        )
        compiler.as_sql = lambda *args, **kwargs: (sql, query_params)
        queryset.query.get_compiler = lambda *args, **kwargs: compiler
        return next(iter(queryset), None)

    def compile(self, database):
        compiler = self.queryset.query.get_compiler(database)
        sql, params = compiler.as_sql()
        # The ORM orders the parameters its own way, and some backends pass constants of
        # the query as parameters too (Django 6.1 on SQLite: `is_active=True`). For each
        # parameter, note which sample it is, or None for a constant.
        samples = [self.sample_index(param) for param in params]
        found = sorted(index for index in samples if index is not None)
        if found != list(range(len(self.samples))):
            raise ValueError(f"parameters {params!r} do not hold each of {self.samples!r} once")
        self.compiled[database] = compiler, sql, params, samples
        return self.compiled[database]

    def sample_index(self, param):
        # By type too: True == 1 and False == 0, but a constant True is no sample 1.
        for index, sample in enumerate(self.samples):
            if type(param) is type(sample) and param == sample:
                return index
        return None
