"""Merging claims into events: incremental matching, reconciliation, stories, corrections."""
