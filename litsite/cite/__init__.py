"""The cite stage: pandoc citations found in the Markdown, checked, and formatted per style."""
