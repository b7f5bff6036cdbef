"""Desk: a desktop service desk console."""

__version__ = "0.1.0"
