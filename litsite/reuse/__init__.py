"""What a build keeps for the next: bookkeeping folder, fingerprints, formatting and page caches."""
