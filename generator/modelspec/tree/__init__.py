"""The tree stage: where outputs may go (paths), what regen wrote (manifest), and the only
code that compares and writes files (outputs)."""
