"""Output for people and programs: terminal tables, exports (and, later, the brief)."""
