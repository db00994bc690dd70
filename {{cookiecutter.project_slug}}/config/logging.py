import json
import logging

# Fields that code adds to records through `extra`, e.g. users.auth_log.
EXTRA_FIELDS = ("event", "user_id", "ip")


class JSONFormatter(logging.Formatter):
    """One JSON object per line, for log collectors."""

    def format(self, record):
        entry = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({name: getattr(record, name) for name in EXTRA_FIELDS if name in vars(record)})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry)
