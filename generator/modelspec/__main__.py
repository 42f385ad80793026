"""``python -m modelspec``: the same as the ``modelspec`` command."""

import sys

from modelspec.cli import main

sys.exit(main())
