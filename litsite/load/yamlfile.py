"""YAML loading that remembers the source line of every mapping key and list item, for `path:line` errors."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from litsite.errors import ErrorCollector, UserError
from litsite.parallel import Parallel
from litsite.safety import MAX_YAML_DEPTH, clean_data

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


def read_text(path: Path, data: bytes | None = None) -> str:
    """Read a UTF-8 text file (data: its bytes, already read), reporting undecodable bytes as a user error."""
    try:
        data = path.read_bytes() if data is None else data
    except FileNotFoundError:
        raise UserError(path, None, "file not found") from None
    except IsADirectoryError:
        raise UserError(path, None, "is a directory, expected a file") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UserError(path, line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8") from None


def check_node(node: yaml.Node, path: Path, offset: int = 0) -> None:
    """Refuse aliases (a node reached twice: 600 bytes of them make gigabytes) and nesting deeper than
    MAX_YAML_DEPTH, before anything is built from the node (iteratively: no recursion on hostile input)."""
    seen: set[int] = set()
    todo: list[tuple[yaml.Node, int]] = [(node, 1)]
    while todo:
        node, depth = todo.pop()
        line = node.start_mark.line + 1 + offset
        if id(node) in seen:
            raise UserError(path, line, "YAML anchors and aliases (&name, *name) are not allowed: write the value out")
        seen.add(id(node))
        if depth > MAX_YAML_DEPTH:
            raise UserError(path, line, f"YAML nested more than {MAX_YAML_DEPTH} levels deep")
        if isinstance(node, yaml.MappingNode):
            todo += [(n, depth + 1) for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            todo += [(n, depth + 1) for n in node.value]


def parse_yaml(text: str, path: Path, offset: int = 0) -> tuple[Any, Lines]:
    """Parse YAML text into plain data and the line of every key; syntax errors become UserError."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            check_node(node, path, offset)
        # Control and private-use characters (from escapes such as "\e") never reach a page: cleaned once here,
        # so that the items ItemCache keeps are clean too.
        data = clean_data(loader.construct_document(node)) if node is not None else None
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


def parse_yaml_documents(text: str, path: Path) -> list[Any]:
    """Every document of a YAML stream as plain data (checked like parse_yaml); syntax errors become UserError."""
    loader = _Loader(text)
    docs = []
    try:
        while loader.check_node():
            node = loader.get_node()
            check_node(node, path)
            docs.append(loader.construct_document(node))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise UserError(path, mark.line + 1 if mark else None, f"YAML syntax error: {problem}") from None
    finally:
        loader.dispose()
    return docs


def safe_load(text: str, path: Path) -> Any:
    """yaml.safe_load (timestamps become dates), without aliases and nested at most MAX_YAML_DEPTH deep."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            check_node(node, path)
        return loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def load_yaml(path: Path, items: ItemCache | None = None) -> tuple[Any, Lines]:
    """Load a YAML file with its line map.

    items: when the file is a plain top-level list, parse each item on its own and remember it by its text, so
    that a file of thousands of items where one changed costs one item's parsing (see ItemCache).
    """
    text = read_text(path)
    if items is not None:
        found = items.load(text, path)
        if found is not None:
            return found
    return parse_yaml(text, path)


# A file is read item by item only when nothing in it can tie items together or change how they parse: no
# directives or document markers, anchors, aliases or tags.
T = TypeVar("T")
_DOCUMENT_MARKS = re.compile(r"^(?:%|---|\.\.\.)", re.MULTILINE)
_NODE_MARKS = re.compile(r"[&*!]\S")  # an anchor, alias or tag where a node starts (checked below)


def _whole_file_only(text: str) -> bool:
    if _DOCUMENT_MARKS.search(text):
        return True
    # (one regex with the preceding character in it is four times slower: it cannot skip ahead to [&*!])
    return any(m.start() == 0 or text[m.start() - 1] in " \t\r\n[{," for m in _NODE_MARKS.finditer(text))


@dataclass
class ItemCache:
    """The items of YAML lists parsed one by one, by a digest of each item's text (kept between builds).

    Equivalent to parsing the whole file: each top-level item ("- " at column 0 up to the next one) parses on its
    own exactly as it does in the list, and lines are shifted to the file's. Anything unusual — an item that does
    not parse alone into exactly one item of plain JSON data, or any anchor, alias, tag or directive in the file —
    and the whole file is parsed instead, which also reports its errors as always. Items are handed out as fresh
    objects (stored as JSON text), so nothing downstream can change what is kept.
    """

    store: dict[str, Any] = field(default_factory=dict)
    workers: int = 1
    used: dict[str, Any] = field(default_factory=dict)
    checked: tuple[str, str, Any] | None = None  # (path, digest of its bytes, what `whole` made of it)

    def whole(self, path: Path, errors: ErrorCollector, make: Callable[[], T]) -> T:
        """make() — what a load makes of the file at path, reporting into errors — or, when the file holds the same
        bytes as at the last call, what that call made (kept only when it reported nothing): the preview's rebuilds
        hand out the same checked items while the file is unchanged. Those objects must not be changed downstream
        (the preview's tests compare them before and after a build)."""
        try:
            key = hashlib.sha1(path.read_bytes()).hexdigest()
        except OSError:
            return make()  # make() reports it
        if self.checked is not None and self.checked[:2] == (str(path), key):
            return self.checked[2]  # type: ignore[no-any-return]
        before = len(errors.errors)
        made = make()
        self.checked = (str(path), key, made) if len(errors.errors) == before else None
        return made

    def load(self, text: str, path: Path) -> tuple[list[Any], Lines] | None:
        """The list and its line map, or None when the file must be parsed whole."""
        if _whole_file_only(text):
            return None
        self.used = {}
        lines = text.splitlines(keepends=True)
        starts = [i for i, line in enumerate(lines) if line.startswith("- ") or line.rstrip("\r\n") == "-"]
        if not starts or any(line.strip() and not line.lstrip().startswith("#") for line in lines[: starts[0]]):
            return None
        chunks = ["".join(lines[a:b]) for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]
        keys = [hashlib.sha1(chunk.encode("utf-8")).hexdigest() for chunk in chunks]
        todo = sorted({key: n for n, key in enumerate(keys) if key not in self.store}.values())
        parsed = Parallel(self.workers).map(lambda n: _parse_item(chunks[n], path), todo)
        for n, found in zip(todo, parsed, strict=True):
            if found is None:
                return None
            self.store[keys[n]] = found
        data = []
        line_map: dict[Key, int] = {(): 1}
        for n, (start, key) in enumerate(zip(starts, keys, strict=True)):
            text_of_item, item_lines = self.used[key] = self.store[key]
            data.append(json.loads(text_of_item))
            for rel, line in item_lines:
                line_map[(n, *rel[1:])] = line + start
        self.store = dict(self.used)  # what the next load can reuse: this file's items
        return data, Lines(path, line_map)


def _parse_item(chunk: str, path: Path) -> list[Any] | None:
    """[item as JSON text, [[key path, line], ...]] of one top-level item, or None if it is not plain."""
    try:
        data, lines = parse_yaml(chunk, path)
    except UserError:
        return None
    if not isinstance(data, list) or len(data) != 1:
        return None
    try:
        text = json.dumps(data[0], ensure_ascii=False)
    except (TypeError, ValueError):
        return None
    if json.loads(text) != data[0]:
        return None  # e.g. keys that are not strings
    return [text, [[list(key), line] for key, line in lines.lines.items() if key]]


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
