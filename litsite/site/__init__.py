"""What the site holds around the study: browse pages, exports, metadata, charts, search, publishing files."""
