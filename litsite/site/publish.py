"""Files that publishing needs besides the pages: sitemap.xml, robots.txt and .nojekyll (404.html is a page)."""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from litsite.load.config import SiteConfig
from litsite.write.writer import SiteFiles

NOT_IN_SITEMAP = frozenset({"404.html"})


def base_path(base_url: str) -> str:
    """The path part of a base URL, with leading and trailing slash: 'https://u.github.io/repo/' → '/repo/'."""
    path = urlsplit(base_url).path or "/"
    path = "/" + path.strip("/") + "/"
    return "/" if path == "//" else path


def is_absolute(base_url: str) -> bool:
    """True when the base URL names a scheme and host (sitemaps need absolute URLs)."""
    parts = urlsplit(base_url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def page_url(base_url: str, rel: str) -> str:
    """The public URL of an output file: directory URLs for index.html pages."""
    if rel == "index.html":
        rel = ""
    elif rel.endswith("/index.html"):
        rel = rel[: -len("index.html")]
    return base_url + rel


def sitemap(base_url: str, pages: list[str]) -> str:
    """A sitemap.xml listing the public URL of every page."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"  <url><loc>{escape(page_url(base_url, rel), quote=False)}</loc></url>" for rel in pages]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots(base_url: str, has_sitemap: bool) -> str:
    """A robots.txt that allows everything and names the sitemap when there is one."""
    text = "User-agent: *\nAllow: /\n"
    return text + (f"Sitemap: {base_url}sitemap.xml\n" if has_sitemap else "")


def add_publish_files(config: SiteConfig, files: SiteFiles) -> None:
    """Add sitemap.xml (for an absolute base URL), robots.txt and .nojekyll to the rendered site."""
    pages = [rel for rel in files.paths() if rel.endswith(".html") and rel not in NOT_IN_SITEMAP]
    absolute = is_absolute(config.base_url)
    if absolute and "sitemap.xml" not in files:
        files.add("sitemap.xml", sitemap(config.base_url, pages))
    if "robots.txt" not in files:
        files.add("robots.txt", robots(config.base_url, absolute))
    if ".nojekyll" not in files:
        # GitHub Pages would otherwise run Jekyll, which hides files and folders starting with _ or .
        files.add(".nojekyll", b"")
