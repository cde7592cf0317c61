"""Jinja2 environment and template errors as `template:line: message` user errors."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import Any

import jinja2

from litsite.errors import UserError


def make_env(templates: Path, filters: dict[str, Any]) -> jinja2.Environment:
    """A Jinja environment over templates/ with autoescape on and undefined variables as errors."""
    if not templates.is_dir():
        raise UserError(templates, None, "templates directory not found")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # one environment per build: no need to stat every template on every page
    )
    env.filters.update(filters)
    return env


def render_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render one template; syntax errors, undefined variables and bad bytes become UserError with file and line."""
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise UserError(exc.filename or name, exc.lineno, f"template syntax error: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise UserError(_template_dir(env) / name, None, f"template {exc.name!r} not found") from None
    except UnicodeDecodeError:
        raise UserError(_template_dir(env) / name, None, "template is not valid UTF-8; save it as UTF-8") from None
    except jinja2.UndefinedError as exc:
        path, line = _template_frame(env)
        raise UserError(path or name, line, f"undefined in template: {exc.message}") from None


def _template_dir(env: jinja2.Environment) -> Path:
    loader = env.loader
    assert isinstance(loader, jinja2.FileSystemLoader)
    return Path(loader.searchpath[0])


def _template_frame(env: jinja2.Environment) -> tuple[str | None, int | None]:
    """The innermost template file and line of the exception being handled (Jinja rewrites its frames)."""
    base = str(_template_dir(env))
    found: tuple[str | None, int | None] = (None, None)
    for frame in traceback.extract_tb(sys.exc_info()[2]):
        if frame.filename.startswith(base):
            found = (frame.filename, frame.lineno)
    return found
