"""``python -m indexer.demo``: write demo profiles (see the package docstring)."""

import sys

from indexer.demo import main

sys.exit(main())
