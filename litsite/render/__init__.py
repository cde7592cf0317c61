"""The render stage: Jinja2 templates and Markdown into the site's files (no disk writes)."""
