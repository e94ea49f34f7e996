"""Which files the build may read and publish, checked by one cheap walk before anything is read.

Every folder the build reads (catalogue/, the docs folder, strategy/, theme/) is walked with
lstat-level calls only, so a FIFO or a device cannot make the walk hang; afterwards only the
docs folder's Markdown pages, known by then to be regular files, are read to check they are UTF-8.
Refused: symlinks that leave the project or point into a hidden folder such as .git, symlink
loops, dangling symlinks, special files, and in the docs folder and theme/ any file type the
site does not need. Names starting with "." are skipped: MkDocs and the loader skip them too.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from vifte.source import characters, raster, svg
from vifte.source.diagnostics import Report
from vifte.source.loader import YamlProblem, decode
from vifte.source.project import CATALOGUE, STRATEGY, THEME, Project

IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico")
FONTS = (".woff2", ".woff")


@dataclass(frozen=True)
class Rules:
    """What a folder may hold; `types` None means any type (the folder is read, not published)."""

    label: str
    types: frozenset[str] | None = None
    names: frozenset[str] = frozenset()
    hints: tuple[tuple[frozenset[str], str], ...] = ()
    otherwise: str = ""
    pages: bool = False
    """Whether the folder's .md files are pages MkDocs reads (and so must be UTF-8)."""

    def refuses(self, name: str) -> str | None:
        """The reason a file called `name` may not be in this folder, or None."""
        if self.types is None or name in self.names:
            return None
        suffix = os.path.splitext(name)[1].lower()
        if suffix in self.types:
            return None
        for suffixes, hint in self.hints:
            if suffix in suffixes:
                return hint.format(folder=self.label)
        return self.otherwise.format(folder=self.label, suffix=suffix or "uden endelse")


def docs_rules(label: str) -> Rules:
    """The docs folder (site_src/) is published as it is: only what a municipality needs."""
    return Rules(
        label,
        frozenset({".md", *IMAGES, ".pdf", ".css", *FONTS}),
        # robots.txt steers search engines; CNAME is GitHub Pages' custom domain.
        frozenset({"robots.txt", "CNAME"}),
        (
            (
                frozenset({".html", ".htm", ".xhtml"}),
                "HTML-filer i {folder} bliver ikke udgivet, fordi de kan køre scripts på sitet; "
                "skriv siden i Markdown (.md) i stedet",
            ),
            (
                frozenset({".svg"}),
                "SVG-billeder i {folder} bliver ikke udgivet, fordi de kan indeholde scripts; "
                "gem billedet som PNG, eller læg kommunens logo i theme/",
            ),
            (
                frozenset({".js", ".mjs"}),
                "JavaScript i {folder} bliver ikke udgivet; sitet kører kun viftes egne scripts; "
                "slet filen",
            ),
        ),
        "filtypen '{suffix}' bliver ikke udgivet fra {folder}; her må kun ligge sider (.md), "
        "billeder (" + ", ".join(IMAGES) + "), PDF, CSS og skrifttyper (.woff2, .woff); "
        "flyt filen ud af {folder}",
        pages=True,
    )


# theme/ is code the municipality controls: templates and its own SVG logo are fine, scripts not.
THEME_RULES = Rules(
    f"{THEME}/",
    frozenset({".html", ".css", *IMAGES, ".svg", *FONTS}),
    hints=(
        (
            frozenset({".js", ".mjs"}),
            "JavaScript i {folder} bliver ikke udgivet; sitet kører kun viftes egne scripts; "
            "slet filen",
        ),
    ),
    otherwise="filtypen '{suffix}' hører ikke hjemme i {folder}; temaet må kun indeholde "
    "skabeloner (.html), CSS, billeder (også .svg) og skrifttyper (.woff2, .woff); "
    "flyt filen ud af {folder}",
)

LOOP = (
    "mappen er en genvej (symlink) til en mappe, den selv ligger i, så den ville blive læst "
    "i det uendelige; slet genvejen"
)

NOT_UTF8 = (
    "navnet indeholder tegn, der ikke er UTF-8 (vist som \ufffd), så det kan ikke stå i en "
    "webadresse; omdøb det med almindelige bogstaver"
)

SPECIAL = (
    (stat.S_ISFIFO, "en navngiven rørledning (FIFO)"),
    (stat.S_ISSOCK, "en socket"),
    (stat.S_ISCHR, "en enhedsfil"),
    (stat.S_ISBLK, "en enhedsfil"),
)


def folders(
    root: Path | Project, docs_dir: Path | None = None, theme_dir: Path | None = None
) -> list[tuple[Path, Rules]]:
    """Every folder the build reads, with what it may hold."""
    project = root if isinstance(root, Project) else Project.at(root, docs_dir, theme_dir)
    return [
        (project.catalogue, Rules(f"{CATALOGUE}/")),
        (project.docs_dir, docs_rules(_label(project.docs_dir, project.root))),
        (project.strategy, Rules(f"{STRATEGY}/")),
        (project.theme_dir, THEME_RULES),
    ]


def check(
    root: Path | Project,
    report: Report,
    docs_dir: Path | None = None,
    theme_dir: Path | None = None,
) -> None:
    """Report every file in the folders the build reads that it must not read or publish."""
    project = root if isinstance(root, Project) else Project.at(root, docs_dir, theme_dir)
    root = project.root
    walk = _Walk(root, report)
    for folder, rules in folders(project):
        if not os.path.lexists(folder):
            continue
        if not os.path.islink(folder) and not _inside(os.path.realpath(folder), walk.root):
            report.error(
                folder,
                0,
                0,
                "mappen ligger uden for projektet; vifte læser kun mapper inde i projektmappen",
            )
            continue
        walk.visit(folder, rules, frozenset())
    for page in walk.pages:
        try:
            refused = characters.in_raw(decode(page.read_bytes()).replace("\r\n", "\n"))
            if refused is not None:
                report.error(page, *refused)
        except YamlProblem as exc:
            report.error(page, exc.line, exc.column, exc.message)
        except OSError as exc:
            report.error(page, 0, 0, f"filen kan ikke læses ({exc.strerror})")


def problem(path: Path, root: Path) -> str | None:
    """Why the build must not read this entry, or None; cheap (one lstat), so the folders above
    it must be checked apart (path_problem), as the walk does."""
    try:
        st = os.lstat(path)
    except OSError:
        return None  # a missing file is reported where it is needed
    if stat.S_ISLNK(st.st_mode):
        followed = _follow(path, os.path.realpath(root))
        if isinstance(followed, str):
            return followed
        st = followed
    return _special(st.st_mode)


def path_problem(path: Path, root: Path) -> str | None:
    """Like problem, but also refuses a path that leads out of the project through any folder."""
    base = os.path.realpath(root)
    real = os.path.realpath(path)
    if not os.path.islink(path) and (not _inside(real, base) or _hidden(real, base)):
        return (
            f"{real} ligger uden for projektet eller i en skjult mappe; "
            "kopiér det, der skal bruges, ind i projektet i stedet"
        )
    return problem(path, root)


def publish_problem(path: Path, root: Path, rules: Rules) -> str | None:
    """Why a file MkDocs is about to copy must not be published, or None."""
    return (
        path_problem(path, root)
        or rules.refuses(path.name)
        or rules.refuses(os.path.basename(os.path.realpath(path)))
    )


class _Walk:
    def __init__(self, root: Path, report: Report):
        self.root = os.path.realpath(root)
        self.report = report
        self.pages: list[Path] = []

    def visit(self, path: Path, rules: Rules, ancestors: frozenset[tuple[int, int]]) -> None:
        try:
            st = os.lstat(path)
        except OSError:
            return  # removed while walking
        if stat.S_ISLNK(st.st_mode):
            followed = _follow(path, self.root)
            if isinstance(followed, str):
                self.report.error(path, 0, 0, followed)
                return
            st = followed
            if stat.S_ISDIR(st.st_mode) and _inside(
                os.path.realpath(path.parent), os.path.realpath(path)
            ):
                self.report.error(path, 0, 0, LOOP)
                return
            if stat.S_ISREG(st.st_mode):
                reason = rules.refuses(os.path.basename(os.path.realpath(path)))
                if reason is not None:
                    self.report.error(path, 0, 0, reason)
                    return
        if stat.S_ISDIR(st.st_mode):
            self._folder(path, st, rules, ancestors)
        elif stat.S_ISREG(st.st_mode):
            self._file(path, rules)
        else:
            self.report.error(path, 0, 0, _special(st.st_mode) or "filen er ikke en almindelig fil")

    def _folder(
        self, path: Path, st: os.stat_result, rules: Rules, ancestors: frozenset[tuple[int, int]]
    ) -> None:
        key = (st.st_dev, st.st_ino)
        if key in ancestors:
            self.report.error(path, 0, 0, LOOP)
            return
        try:
            with os.scandir(path) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            self.report.error(path, 0, 0, f"mappen kan ikke læses ({exc.strerror})")
            return
        inner = ancestors | {key}
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if not _utf8(entry.name):
                self.report.error(Path(entry.path), 0, 0, NOT_UTF8)
                continue
            # Plain files come straight from the directory listing: no extra system call.
            if entry.is_file(follow_symlinks=False):
                self._file(Path(entry.path), rules)
            else:
                self.visit(Path(entry.path), rules, inner)

    def _file(self, path: Path, rules: Rules) -> None:
        reason = rules.refuses(path.name)
        if reason is not None:
            self.report.error(path, 0, 0, reason)
        elif rules.pages and path.suffix.lower() == ".md":
            self.pages.append(path)
        else:
            check_published(path, rules, self.report)


def check_published(path: Path, rules: Rules, report: Report) -> None:
    """Report what makes a file the site publishes as it is unsafe (an SVG, see svg.py) or
    unviewable (a picture that does not decode in full, see raster.py)."""
    if rules.types is None:
        return  # read by the build, not published from here (catalogue images: references.py)
    suffix = path.suffix.lower()
    if suffix == ".svg":
        for line, column, message in svg.problems(path):
            report.error(path, line, column, message)
    elif suffix in IMAGES and (broken := raster.problem(path)):
        report.error(path, 0, 0, f"billedet kan ikke vises: {broken}")


def _follow(link: Path, root: str) -> str | os.stat_result:
    """The reason to refuse a symlink, or its target's stat; the target is never opened."""
    what = "mappen" if os.path.isdir(link) else "filen"
    real = os.path.realpath(link)
    if not _inside(real, root):
        return (
            f"{what} er en genvej (symlink) til {real}, som ligger uden for projektet; "
            f"kopiér {what} ind i projektet i stedet"
        )
    if _hidden(real, root):
        return (
            f"{what} er en genvej (symlink) til {os.path.relpath(real, root)}, som ligger i en "
            "skjult mappe eller fil; kopiér det, der skal bruges, ind i stedet"
        )
    try:
        return os.stat(link)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "filen er en genvej (symlink), der peger rundt i ring; slet genvejen"
        if exc.errno == errno.ENOENT:
            return (
                f"filen er en genvej (symlink) til {os.path.relpath(real, root)}, som ikke "
                "findes; slet genvejen eller kopiér filen ind"
            )
        return f"genvejen (symlink) kan ikke følges ({exc.strerror})"


def _utf8(name: str) -> bool:
    """Whether a name from the file system is valid UTF-8 (Python keeps other bytes as surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _special(mode: int) -> str | None:
    for test, kind in SPECIAL:
        if test(mode):
            return (
                f"filen er ikke en almindelig fil, men {kind}; vifte læser kun almindelige "
                "filer og mapper, så slet den"
            )
    return None


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _hidden(real: str, root: str) -> bool:
    return any(part.startswith(".") for part in Path(os.path.relpath(real, root)).parts)


def _label(folder: Path, root: Path) -> str:
    try:
        return Path(os.path.abspath(folder)).relative_to(os.path.abspath(root)).as_posix() + "/"
    except ValueError:
        return folder.as_posix() + "/"
