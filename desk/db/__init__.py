"""Database handling: URLs, engines, secrets, migrations (Qt-free)."""
