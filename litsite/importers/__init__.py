"""Importers: article records and reference libraries of every kind turned into editable content/."""
