"""``python -m dtiplan``: the same as the ``dtiplan`` command."""

import sys

from .cli import main

sys.exit(main())
