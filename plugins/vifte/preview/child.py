"""A full build for `vifte serve` in a fresh interpreter, where the system has no fork (process.py).

Run as `python -m vifte.preview.child '[FUNCTION, OPTIONS, FOLDER]'` (JSON; see builds.Builder);
when the build fails, writes its Danish problem lines as JSON beside FOLDER and exits with 1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from vifte.preview.builds import Builder, build_alone
from vifte.preview.process import STOPPED


def main(request: str) -> int:
    function, options, folder = json.loads(request)
    return build_alone(Builder(function, options), Path(folder))


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1]))
    except KeyboardInterrupt:  # Ctrl-C reaches the whole process group; the preview says it
        sys.exit(STOPPED)
