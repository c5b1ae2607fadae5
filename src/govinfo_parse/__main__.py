"""``python -m govinfo_parse`` runs the command-line interface."""

from govinfo_parse.cli import main

raise SystemExit(main())
