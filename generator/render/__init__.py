"""Render a Briefing: Markdown pages keyed by path, and the JSON export."""

from generator.render.export import export, export_json
from generator.render.pages import render_pages

__all__ = ["export", "export_json", "render_pages"]
