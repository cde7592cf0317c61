"""The preview server answers only its own pages: Host and Origin checked (against DNS rebinding)."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from livereload.handlers import ForceReloadHandler, LiveReloadHandler
from tornado import web


@dataclass(frozen=True)
class Allowed:
    """Whom the preview answers: requests for its own port, addressed to an IP address, `localhost` or the host it
    was asked to listen on. A page of another site that a DNS trick points at this machine names its own host (and
    its own origin), and is refused: it can neither read the preview nor make it reload."""

    host: str
    port: int

    def host_header(self, value: str | None) -> bool:
        """Whether a Host header names this server."""
        if not value:
            return False
        name, _, port = value.rpartition(":") if not value.endswith("]") else (value, "", "")
        if not name or not port.isdigit() or int(port) != self.port:
            return False
        name = name.strip("[]").lower()
        if name in ("localhost", self.host.lower()):
            return True
        try:
            ipaddress.ip_address(name)
        except ValueError:
            return False
        return True

    def origin(self, value: str) -> bool:
        """Whether an Origin header is a page of this server."""
        try:
            parts = urlsplit(value)
            port = parts.port
        except ValueError:
            return False
        host = f"[{parts.hostname}]" if parts.hostname and ":" in parts.hostname else parts.hostname
        return parts.scheme == "http" and host is not None and self.host_header(f"{host}:{port or 80}")


class Guarded:
    """Refuses (403) a request whose Host header or Origin is not this server's (see Allowed)."""

    allowed: Allowed | None = None

    def prepare(self) -> None:
        """Check Host and, when a browser sends it, Origin, before anything else."""
        request = self.request  # type: ignore[attr-defined]
        origin = request.headers.get("Origin")
        if self.allowed is not None and (
            not self.allowed.host_header(request.headers.get("Host")) or (origin and not self.allowed.origin(origin))
        ):
            raise web.HTTPError(403)


class GuardedLiveReload(Guarded, LiveReloadHandler):
    """livereload's websocket, for this server's own pages only."""

    def initialize(self, allowed: Allowed) -> None:
        """Tornado's per-request setup."""
        self.allowed = allowed

    def check_origin(self, origin: str) -> bool:
        """A websocket from another origin is refused (livereload accepts any)."""
        return self.allowed is not None and self.allowed.origin(origin)


class GuardedForceReload(Guarded, ForceReloadHandler):
    """livereload's /forcereload, for this server's own host only."""

    def initialize(self, allowed: Allowed) -> None:
        """Tornado's per-request setup."""
        self.allowed = allowed
