"""The load stage: site.yaml and content/ read into frozen dataclasses, every mistake with its line."""
