"""YAML loading that remembers the source line of every mapping key and list item, for `path:line` errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import UserError

Key = tuple[Any, ...]


@dataclass(frozen=True)
class Lines:
    """Where each value came from: a key path such as ("author", 0, "family") → 1-based line."""

    path: Path
    lines: dict[Key, int] = field(default_factory=dict)
    offset: int = 0

    def of(self, *key: Any) -> int:
        """The line of a key path, or of its nearest ancestor that has one."""
        while key:
            if key in self.lines:
                return self.lines[key] + self.offset
            key = key[:-1]
        return self.lines.get((), 1) + self.offset


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader (libyaml's when available: ~10x faster) whose timestamps stay strings: dates are parsed by
    the content layer, not by YAML."""


# YAML would turn `issued: 2015-05-18` into a datetime.date and `2015-05` into a string; keep all dates as text.
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, reporting undecodable bytes as a user error."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(path, None, "file not found") from None
    except IsADirectoryError:
        raise UserError(path, None, "is a directory, expected a file") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UserError(path, line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8") from None


def parse_yaml(text: str, path: Path, offset: int = 0) -> tuple[Any, Lines]:
    """Parse YAML text into plain data and the line of every key; syntax errors become UserError."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context_mark is not None and mark is not None and mark.index >= len(text.rstrip()):
            # An unclosed quote or bracket fails at the end of the file; where it was opened is what to fix.
            mark, problem = context_mark, f"{context}: {problem}"
        line = mark.line + 1 + offset if mark else None
        raise UserError(path, line, f"YAML syntax error: {problem}") from None
    finally:
        loader.dispose()
    lines: dict[Key, int] = {(): 1}
    if node is not None:
        _walk(node, data, (), lines, path, offset)
    return data, Lines(path, lines, offset)


def load_yaml(path: Path) -> tuple[Any, Lines]:
    """Load a YAML file with its line map."""
    return parse_yaml(read_text(path), path)


def _walk(node: yaml.Node, data: Any, key: Key, lines: dict[Key, int], path: Path, offset: int) -> None:
    """Record the line of every key and item; the constructed data supplies the key values."""
    lines[key] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode) and isinstance(data, dict):
        seen: set[Any] = set()
        keys = list(data.keys())
        if len(keys) != len(node.value):
            # PyYAML silently keeps the last of duplicate keys; find the duplicate to report it.
            for knode, _ in node.value:
                if knode.value in seen:
                    raise UserError(path, knode.start_mark.line + 1 + offset, f"duplicate key {knode.value!r}")
                seen.add(knode.value)
        for (knode, vnode), k in zip(node.value, keys, strict=False):
            lines[(*key, k)] = knode.start_mark.line + 1
            _walk(vnode, data[k], (*key, k), lines, path, offset)
    elif isinstance(node, yaml.SequenceNode) and isinstance(data, list):
        for i, (vnode, v) in enumerate(zip(node.value, data, strict=False)):
            _walk(vnode, v, (*key, i), lines, path, offset)
