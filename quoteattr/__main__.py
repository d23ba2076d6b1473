"""``python -m quoteattr``: the same as the ``quoteattr`` command."""

from .cli import main

raise SystemExit(main())
