"""What only saves time between runs: the per-model memos and the hashes of the inputs.

Below the spec stage: the loader, validation, rendering and the manifest all use it, and it
uses nothing of theirs (see ARCHITECTURE.md).
"""
