"""A full build for `vifte serve` in a process of its own, so that a newer save can stop it.

Run as `python -m vifte.preview.child '[FUNCTION, OPTIONS, FOLDER]'` (JSON; see builds.Builder);
when the build fails, writes its Danish problem lines as JSON beside FOLDER and exits with 1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from vifte.preview.builds import Builder, problem_lines, problems_file


def main(request: str) -> int:
    function, options, folder = json.loads(request)
    try:
        Builder(function, options)(Path(folder))
    except Exception as exc:  # shown in the browser's box by the preview
        text = json.dumps(list(problem_lines(exc)), ensure_ascii=False)
        problems_file(Path(folder)).write_text(text, encoding="utf-8")
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1]))
    except KeyboardInterrupt:  # Ctrl-C reaches the whole process group; the preview says it
        sys.exit(130)
