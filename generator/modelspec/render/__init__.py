"""The render stage: the catalog in, ``{path: text}`` out, in memory and nothing written.

One small module per output under ``targets/``; the Jinja glue, codegen for the Pydantic
models and the serialisers beside them."""
