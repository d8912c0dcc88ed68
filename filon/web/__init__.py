"""`filon serve`: the JSON API and web pages over a filon store (FastAPI, Jinja2, inline SVG)."""

from filon.web.app import create_app, serve

__all__ = ["create_app", "serve"]
