"""The live preview: rebuilds on every change and a server that answers only its own pages."""
