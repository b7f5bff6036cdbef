"""Realistic, reproducible demo data (``desk demo``): see ``desk.demo.generate``."""
