"""The review tools: what a spec change does to clients (changes, for diff and changelog)
and the usage notes read against the data (lint)."""
