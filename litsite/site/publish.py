"""Files that publishing needs besides the pages: sitemap.xml, robots.txt and .nojekyll (404.html is a page); the
route table (routes.py) says which the site has."""

from __future__ import annotations

from html import escape

from litsite.load.config import SiteConfig
from litsite.site.routes import Route, Routes, url_of

PUBLISH_KINDS = frozenset({"sitemap", "robots", "nojekyll"})  # the kinds of route made here


def page_url(base_url: str, rel: str) -> str:
    """The public URL of an output file: directory URLs for index.html pages (also a page's canonical URL)."""
    return base_url + url_of(rel)


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


def publish_file(route: Route, config: SiteConfig, routes: Routes) -> str:
    """The text of a route of one of PUBLISH_KINDS."""
    if route.kind == "sitemap":
        return sitemap(config.base_url, routes.sitemap())
    if route.kind == "robots":
        return robots(config.base_url, "sitemap.xml" in routes)
    if route.kind == "nojekyll":
        return ""  # GitHub Pages would otherwise run Jekyll, which hides files and folders starting with _ or .
    raise ValueError(f"not a publishing route: {route.kind}")
