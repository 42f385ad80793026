"""``python -m generator``: the same as the ``modelspec`` command."""

import sys

from generator.cli import main

sys.exit(main())
