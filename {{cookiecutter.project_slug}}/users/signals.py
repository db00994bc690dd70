"""Signals sent by the auth API; each is sent with `user` and `request`."""

from django.dispatch import Signal

user_registered = Signal()
user_activated = Signal()
user_updated = Signal()
