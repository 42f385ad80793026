"""The benchmark of issue 6: is modelspec fast enough for every commit, and for 10,000 models?

Run it with ``make bench`` (installs the ``bench`` extra, then ``python -m bench``), or
``python -m bench --sizes 44`` (or ``BENCH_SIZES=44``) to skip the large catalogs, which CI
must never run. It writes ``bench/RESULTS.md``; commit that file with the machine it names.

What it does, all in a temporary folder, never in the repository:

- ``specs``: writes specs of 44, 1,000 and 10,000 models, the real 44 plus numbered variants
  (``flux-2-v0001``), so every size exercises the same rules;
- ``runner``: times whole processes (wall clock, peak memory from ``wait4``, a timeout that
  records "timeout" instead of hanging), several runs each, and takes medians;
- ``__main__``: per size, ``modelspec regen`` cold and after one model changed, ``check``,
  ``check --full`` when the CLI has it, and ``datamodel-codegen`` on the same OpenAPI
  document; then the validators and the import time of ``model_limits.py``;
- ``rates`` and ``bodies``: request bodies per second in one process for ``validate_request``
  and the anchors (jsonschema, fastjsonschema, jsonschema-rs, Pydantic), on the same bodies;
- ``report``: the Markdown page, with ratios against the anchors measured in the same run.
"""
