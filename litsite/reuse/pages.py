"""Reuse of pages the last build wrote, when nothing a page's template read has changed.

A page is a function of what its templates read: the top-level context variables they name (found in the
templates' source) and, through `browse`, the helper calls they make. The first rendering records a trace — a
digest of every variable it can read and of every browse call's result — and the build keeps the traces in the
output's cache (the page bytes are the output files themselves). The next build replays a page's trace against the
new data: when every digest matches, the previous file is reused; any difference, any code or template change, or
anything that cannot be traced (a callable such as `markdown`, a helper argument that is not plain data or a
reference) renders the page again.

Replaying every call of every page costs time at scale, so the helper object may name calls that are *local*: their
result is a function of their arguments, the references (RefViews) they are given or return, and a digest of the
helper's shared state (`scope`). A trace also records which references a page's local calls touched; when the scope
digest is unchanged and none of those references changed, the local calls are not made again (their results cannot
have changed) and only the others are replayed.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta

from litsite.digests import UNPICKLABLE, pickle_digest
from litsite.parallel import Parallel
from litsite.write.writer import Kept, file_digest

_SCALARS = (int, float, bool, type(None))


@functools.cache
def _dataclass(kind: type) -> bool:
    return dataclasses.is_dataclass(kind)


class Untraceable(Exception):
    """A value or call whose content cannot be digested; the page is rendered every time."""


def digest(value: Any) -> str:
    """A digest of a value's content: its pickle, which holds all of it (equal bytes mean equal content; equal
    content built in a different order only costs a re-render). Callables cannot be digested, but for one with a
    `trace_key`: a text naming everything its results depend on (e.g. a page's `markdown`)."""
    key = getattr(value, "trace_key", None)
    if isinstance(key, str):
        return hashlib.sha1(f"trace_key\0{key}".encode()).hexdigest()
    if callable(value) and not isinstance(value, type):
        raise Untraceable(type(value).__name__)
    try:
        return pickle_digest(value)
    except UNPICKLABLE as exc:
        raise Untraceable(type(value).__name__) from exc


def _plain(value: Any) -> Any:
    """A helper argument as JSON data, tuples marked (raises Untraceable for anything else)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return {"tuple": [_plain(v) for v in value]}
    raise Untraceable(type(value).__name__)


def _unplain(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(_unplain(v) for v in value["tuple"])
    if isinstance(value, list):
        return [_unplain(v) for v in value]
    return value


class Recorder:
    """Stands in for an object in a template context; logs each attribute read or call and its result's digest, and
    which references (ids) the local ones were given or returned."""

    def __init__(self, target: Any, cache: PageCache, log: list[list[Any]], touched: set[str]) -> None:
        self._target = target
        self._cache = cache
        self._log = log
        self._touched = touched

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        if not callable(value):
            self._log.append([name, None, self._cache._digest(value)])
            return value

        def call(*args: Any) -> Any:
            result = value(*args)
            self._log.append([name, [self._cache._encode(a) for a in args], self._cache._digest(result)])
            if name in self._cache.local:
                self._cache.collect_refs((args, result), self._touched)
            return result

        return call


class PageCache:
    """Renders pages, or reuses the previous output's file when its recorded trace still holds."""

    def __init__(
        self,
        env: jinja2.Environment,
        version: str,
        previous: Path | None,
        traces: dict[str, Any],
        refs: dict[str, Any],
        ledger: dict[str, tuple[str, int, int]] | None = None,
        local: frozenset[str] = frozenset(),
        scope: Any = None,
        carried: dict[int, tuple[Any, str]] | None = None,
        values: dict[Any, str] | None = None,
        plans: dict[int, Any] | None = None,
    ) -> None:
        self.env = env
        self.version = version  # templates and code: any change renders every page again
        self.previous = previous  # the last output directory (None: nothing to reuse)
        self.old: dict[str, Any] = traces.get("pages") or {}
        self.new: dict[str, Any] = {}
        self.refs = refs  # RefViews by id: references passed to helpers are recorded by id
        self.ledger = ledger or {}  # the previous output's files, when it still holds exactly them
        self.local = local  # the helper's local calls (see the module's docstring)
        # What each template can read depends only on the templates (and code): kept with the traces.
        known = traces.get("names") if traces.get("version") == version else None
        self._names: dict[str, frozenset[str] | None] = {
            name: None if names is None else frozenset(names) for name, names in (known or {}).items()
        }
        self._sorted_names: dict[str, list[str] | None] = {}
        self._digests: dict[int, tuple[Any, str]] = {}
        # The digests of the last build's references (refs), by identity: a rebuild in the same process may be
        # handed the same (frozen) views again. Updated to this build's by traces().
        self._known = carried if carried is not None else {}
        self._small: dict[Any, str] = {}  # digests of numbers and strings, by value
        # The last build's (values: updated to this build's by traces()): the same paths and texts come again.
        self._values = values if values is not None else {}
        self._replayed: dict[str, str] = {}
        # Each trace's calls made ready for replay (_calls), the last build's (plans) and this one's, by trace object.
        self._plans: dict[int, Any] = plans if plans is not None else {}
        self._plans_now: dict[int, Any] = {}
        self._same_ref: dict[str, bool] = {}  # ref id -> unchanged since the last build (asked by every page)
        self.scope = self._digest(scope)
        self._old_refs: dict[str, str] = traces.get("refs") or {}
        self._same_scope = bool(local) and traces.get("scope") == self.scope
        self.reused = 0
        self.rendered = 0

    def render_all(
        self,
        jobs: list[tuple[str, str, dict[str, Any]]],
        fn: Callable[[str, dict[str, Any]], str],
        parallel: Parallel | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[bytes | Kept]:
        """Each page (rel, template, context): reused from the previous output when its trace holds (unread when the
        output's ledger vouches for the file), else fn(template, context) encoded — in parallel when asked."""
        out: list[bytes | Kept | None] = [None] * len(jobs)
        todo: list[tuple[int, dict[str, str] | None]] = []
        for i, (rel, template, context) in enumerate(jobs):
            deps = self._deps(template, context)
            old = self.old.get(rel)
            same = old is not None and (old.get("v"), old.get("t"), old.get("deps")) == (self.version, template, deps)
            if deps is not None and same:
                data = self._reuse(rel, old, context.get("browse"))
                if data is not None:
                    self.new[rel] = old
                    self.reused += 1
                    out[i] = data
                    continue
            todo.append((i, deps))

        def one(task: tuple[int, dict[str, str] | None]) -> tuple[bytes | None, dict[str, Any] | None]:
            try:
                return self._render(jobs[task[0]], task[1], fn)
            except BaseException:  # shown when this page is rendered again in the main process
                return None, None

        tell = (lambda n: progress(n, len(todo))) if progress else None
        done = (parallel or Parallel()).map(one, todo, tell)
        for (i, deps), (data, trace) in zip(todo, done, strict=True):
            if data is None:
                data, trace = self._render(jobs[i], deps, fn)  # raises the page's error here, as a user error
            out[i] = data
            if trace is not None:
                self.new[jobs[i][0]] = trace
        self.rendered += len(todo)
        assert all(data is not None for data in out)
        return out  # type: ignore[return-value]

    def _deps(self, template: str, context: dict[str, Any]) -> dict[str, str] | None:
        """Digests of the variables the page's templates can read (None: the page cannot be traced)."""
        if template not in self._sorted_names:
            found = self.template_names(template)
            self._sorted_names[template] = None if found is None else sorted(found - {"browse"})
        names = self._sorted_names[template]
        if names is None:
            return None
        try:
            return {name: self._digest(context[name]) for name in names if name in context}
        except Untraceable:
            return None

    def _render(
        self,
        job: tuple[str, str, dict[str, Any]],
        deps: dict[str, str] | None,
        fn: Callable[[str, dict[str, Any]], str],
    ) -> tuple[bytes, dict[str, Any] | None]:
        """A page's bytes and, when it can be traced, its trace."""
        _, template, context = job
        if deps is None:
            return fn(template, context).encode("utf-8"), None
        log: list[list[Any]] = []
        touched: set[str] = set()
        traced = dict(context)
        if "browse" in context:
            traced["browse"] = Recorder(context["browse"], self, log, touched)
        try:
            data = fn(template, traced).encode("utf-8")
        except Untraceable:
            return fn(template, context).encode("utf-8"), None
        sha = file_digest(data)
        return data, {
            "v": self.version,
            "t": template,
            "deps": deps,
            "calls": log,
            "sha": sha,
            "touched": sorted(touched),
        }

    def traces(self) -> dict[str, Any]:
        """The traces of this build's pages, the scope's digest and each reference's, and what each template can read,
        to keep for the next build."""
        refs = {ref_id: self._digest(view) for ref_id, view in self.refs.items()}
        self._known.clear()
        # Objects handed out again by the caches of a process (views, documents, contexts, authors) are never changed:
        # the next build takes their digests by identity (each entry keeps its object alive, so no id is reused).
        self._known.update((key, found) for key, found in self._digests.items() if _dataclass(type(found[0])))
        self._known.update((id(view), (view, refs[ref_id])) for ref_id, view in self.refs.items())
        self._values.clear()
        self._values.update(self._small)
        self._plans.clear()
        self._plans.update(self._plans_now)  # (each entry keeps its trace alive, so no id is reused)
        names = {  # this build's templates
            name: None if self._names[name] is None else sorted(self._names[name]) for name in self._sorted_names
        }
        return {"pages": self.new, "scope": self.scope, "refs": refs, "names": names, "version": self.version}

    def collect_refs(self, value: Any, into: set[str]) -> None:
        """Add the ids of the references in value (inside lists, tuples and dicts) to into."""
        if isinstance(value, list | tuple):
            for v in value:
                self.collect_refs(v, into)
        elif isinstance(value, dict):
            for v in value.values():
                self.collect_refs(v, into)
        elif self.refs.get(getattr(value, "id", None)) is value:
            into.add(value.id)

    def _unchanged(self, ref_id: str) -> bool:
        found = self._same_ref.get(ref_id)
        if found is None:
            view = self.refs.get(ref_id)
            found = self._same_ref[ref_id] = view is not None and self._old_refs.get(ref_id) == self._digest(view)
        return found

    def template_names(self, name: str) -> frozenset[str] | None:
        """Top-level variables a template and every template it extends, includes or imports can read (None when
        a template name is computed at render time)."""
        if name not in self._names:
            self._names[name] = self._chain_names(name)
        return self._names[name]

    def _chain_names(self, name: str) -> frozenset[str] | None:
        seen: set[str] = set()
        todo = [name]
        names: set[str] = set()
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            assert self.env.loader is not None
            try:
                source, _, _ = self.env.loader.get_source(self.env, current)
                ast = self.env.parse(source)
            except (jinja2.TemplateError, UnicodeDecodeError):
                return None  # rendering reports it, with the template's file and line
            names |= meta.find_undeclared_variables(ast)
            for ref in meta.find_referenced_templates(ast):
                if ref is None:
                    return None
                todo.append(ref)
        return frozenset(names)

    def _digest(self, value: Any) -> str:
        """A value's digest. Shared objects (a reference's view or texts, on many pages) are digested once per build;
        a list or tuple is digested from its elements' digests, so a fresh list of shared objects costs little."""
        known = self._digests.get(id(value)) or self._known.get(id(value))
        if known is not None and known[0] is value:
            self._digests[id(value)] = known
            return known[1]
        kind = type(value)
        if kind in _SCALARS or kind is str:
            key = (kind, value)
            found = self._small.get(key)
            if found is None:
                found = self._small[key] = self._values.get(key) or digest(value)
            return found
        if kind in (list, tuple):  # (a build does not change its lists once made)
            inner = ",".join(self._digest(v) for v in value)
            found = hashlib.sha1(f"{kind.__name__}[{inner}]".encode()).hexdigest()
        else:
            found = digest(value)
        self._digests[id(value)] = (value, found)  # keeps value alive, so its id is not reused
        return found

    def _encode(self, arg: Any) -> Any:
        """A helper argument as the trace records it: a reference by id, plain data as itself."""
        if arg is not None and self.refs.get(getattr(arg, "id", None)) is arg:
            return {"ref": arg.id}
        plain = _plain(arg)
        return {"v": plain}

    def _decode(self, arg: Any) -> Any:
        if "ref" in arg:
            found = self.refs.get(arg["ref"])
            if found is None:
                raise KeyError(arg["ref"])
            return found
        return _unplain(arg["v"])

    def _replay(self, browse: Any, key: str, name: str, args: list[Any] | None) -> str:
        """The digest of what a recorded browse call (key: its name and arguments as text) gives now; many pages make
        the same calls (a work's COinS is on every page that lists it), so each distinct call is made once per build."""
        found = self._replayed.get(key)
        if found is None:
            value = getattr(browse, name)
            found = self._replayed[key] = self._digest(
                value if args is None else value(*[self._decode(a) for a in args])
            )
        return found

    def _calls(self, old: dict[str, Any]) -> tuple[list[tuple[str, str, Any, str]], list[tuple[str, str, Any, str]]]:
        """A trace's recorded calls as (key, name, args, digest), all and the non-local ones; made once per trace
        object (the preview's rebuilds get the same trace objects again while their record's shard is the same)."""
        found = self._plans.get(id(old))
        if found is None or found[0] is not old:
            # args are JSON data as the trace recorded them: their repr is stable
            every = [(f"{name}{args!r}", name, args, was) for name, args, was in old.get("calls", [])]
            found = (old, every, [call for call in every if call[1] not in self.local])
        self._plans_now[id(old)] = found
        return found[1], found[2]

    def _reuse(self, rel: str, old: dict[str, Any], browse: Any) -> bytes | Kept | None:
        """The previous file at rel when every recorded browse call still gives the same result."""
        if self.previous is None:
            return None
        every, others = self._calls(old)
        calls = every
        if self._same_scope and all(self._unchanged(ref_id) for ref_id in old.get("touched", ())):
            calls = others  # the local calls' results cannot have changed
        try:
            for key, name, args, was in calls:
                if self._replay(browse, key, name, args) != was:
                    return None
            if self.ledger.get(rel, ("",))[0] == old.get("sha"):
                return Kept(os.path.join(self.previous, rel), old["sha"])
            with open(os.path.join(self.previous, rel), "rb") as f:
                data = f.read()
        except (Untraceable, KeyError, AttributeError, TypeError, OSError):
            return None
        return data if file_digest(data) == old.get("sha") else None
