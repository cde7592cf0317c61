"""Citation anchors: each cluster's HTML id, unique in its page, and the attributes a renderer gives the cluster.

The id is made from the cluster's first work and how many clusters of the same document before it start with that
work: `cite-berry2011-1`, `cite-berry2011-2`. Its own page is the only place it must be unique (it is one document's),
and it stays the same when the text around it changes or when citations of *other* works are added or removed, so a
link to it (a reference page's "where it is cited", a reader's bookmark) keeps pointing at the same spot and an edit
re-renders only the pages of the works it touches.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from markupsafe import Markup, escape

from litsite.cite.syntax import Cluster
from litsite.slugs import slugify

PREFIX = "cite-"


def assign_anchors(clusters: Iterable[Cluster], slugs: Mapping[str, str], prefix: str = PREFIX) -> list[str]:
    """The anchor of each cluster of ONE document, in order (slugs: each reference id's page slug; an id without one,
    which the key check reports, is slugified). The last '-N' is the count, so distinct slugs give distinct ids."""
    seen: dict[str, int] = {}
    out = []
    for cluster in clusters:
        first = cluster.cites[0].id if cluster.cites else ""
        slug = slugs.get(first) or slugify(first)
        seen[slug] = seen.get(slug, 0) + 1
        out.append(f"{prefix}{slug}-{seen[slug]}")
    return out


def cluster_attributes(cluster: Cluster, index: int) -> Markup:
    """The attributes of a rendered cluster (the one place they are made): its anchor id, the ids of the works it
    cites (space-separated) and its number among the site's clusters (the style switcher's index into a style's
    citation texts)."""
    ids = " ".join(c.id for c in cluster.cites)
    anchor = f' id="{escape(cluster.anchor)}"' if cluster.anchor else ""
    return Markup(f'{anchor} data-cites="{escape(ids)}" data-cluster="{int(index)}"')
