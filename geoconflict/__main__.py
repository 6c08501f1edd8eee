"""``python -m geoconflict`` runs the same CLI as the ``geoconflict`` script."""

import sys

from geoconflict.cli import main

sys.exit(main())
