"""Where a site may be written: vifte never deletes what it did not build, and the swap is safe."""

from __future__ import annotations

import fcntl
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vifte.domain.edition import INTERNAL
from vifte.mkdocs.build import build_site
from vifte.publish.site_dir import MARKER, SiteDirError, read_marker, write_marker
from vifte.publish.site_swap import Layout, commit, recover
from vifte.source.links import broken_in_site

from .large_project import build_command, large_built_copy, wait_for_staging
from .shared import PATIENCE

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))


def _environment(**extra: object) -> dict[str, str]:
    # A relative PYTHONPATH (as in `PYTHONPATH=plugins pytest`) must survive a change of folder.
    paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    python_path = os.pathsep.join(os.path.abspath(p) for p in paths if p)
    return {**os.environ, "PYTHONPATH": python_path, **{k: str(v) for k, v in extra.items()}}


def vifte(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    no_pdf = ["--no-pdf"] if args[0] == "build" else []
    return subprocess.run(
        [sys.executable, "-m", "vifte", *args, *no_pdf],
        cwd=cwd,
        env=_environment(),
        capture_output=True,
        text=True,
    )


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under a folder (following nothing), by relative path, with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not p.is_symlink()
    }


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


def change_an_offer(project: Path, title: str = "Praktik i en virksomhed") -> None:
    offer = project / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text(
        offer.read_text(encoding="utf-8").replace("title: Virksomhedspraktik", f"title: {title}"),
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    "site_dir, reason",
    [
        (".", "er selve projektmappen"),
        ("..", "indeholder projektmappen"),
        ("catalogue", "er en mappe, bygningen læser fra"),
        ("catalogue/images", "ligger i"),
        ("site_src", "er en mappe, bygningen læser fra"),
        ("theme", "er en mappe, bygningen læser fra"),
        ("strategy", "er en mappe, bygningen læser fra"),
        ("mkdocs.yml", "er en fil, ikke en mappe"),
    ],
)
def test_refuses_a_site_folder_that_would_delete_the_project(project, site_dir, reason):
    before = tree(project.parent)
    result = vifte("build", "--site-dir", site_dir, cwd=project)
    assert result.returncode == 1
    line = one_line(result.stderr)
    assert line.startswith("fejl: ") and reason in line, line
    assert tree(project.parent) == before
    assert sorted(p.name for p in project.parent.iterdir()) == ["kommune"]


def test_refuses_the_docs_dir_and_custom_dir_named_in_mkdocs_yml(project):
    (project / "site_src").rename(project / "sider")
    (project / "theme").rename(project / "udseende")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        .replace("docs_dir: site_src", "docs_dir: sider")
        .replace("custom_dir: theme", "custom_dir: udseende"),
        encoding="utf-8",
    )
    before = tree(project)
    for folder, reason in [
        ("sider", "er en mappe, bygningen læser fra"),
        ("udseende", "er en mappe, bygningen læser fra"),
        ("udseende/assets", f"ligger i {project / 'udseende'}, som bygningen læser fra"),
    ]:
        result = vifte("build", "--site-dir", folder, cwd=project)
        assert result.returncode == 1
        assert reason in one_line(result.stderr)
    assert tree(project) == before


def test_refuses_a_symlink_to_the_project(project, tmp_path):
    (tmp_path / "genvej").symlink_to(project)
    result = vifte("build", "-p", str(project), "--site-dir", str(tmp_path / "genvej"))
    assert result.returncode == 1
    assert "er selve projektmappen" in one_line(result.stderr)
    assert (project / "catalogue/settings.yaml").is_file()


def test_refuses_a_symlink_loop_and_vifte_s_own_names(project, tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    result = vifte("build", "-p", str(project), "--site-dir", str(tmp_path / "a/site"))
    assert result.returncode == 1
    assert "er en genvej (symlink), der peger i ring" in one_line(result.stderr)
    result = vifte("build", "-p", str(project), "--site-dir", str(tmp_path / ".vifte-build-x"))
    assert result.returncode == 1
    assert "navne, der begynder med '.vifte-', bruger vifte selv" in one_line(result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", "kommune"]


def test_a_non_empty_folder_vifte_did_not_build_is_left_alone(project, tmp_path):
    other = tmp_path / "andet"
    (other / "billeder").mkdir(parents=True)
    (other / "vigtigt.txt").write_text("må ikke forsvinde\n", encoding="utf-8")
    (other / "billeder/logo.png").write_bytes(b"\x89PNG")
    (tmp_path / "via-genvej").symlink_to(other)
    before = tree(other)
    for target in (other, tmp_path / "via-genvej"):
        result = vifte("build", "-p", str(project), "--site-dir", str(target))
        assert result.returncode == 1
        line = one_line(result.stderr)
        assert f"mappen {other} er ikke tom og er ikke bygget af vifte" in line, line
    assert tree(other) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["andet", "kommune", "via-genvej"]


def test_an_empty_folder_is_used_and_a_marked_one_replaced(project, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    assert vifte("build", "-p", str(project), "--site-dir", str(site)).returncode == 0
    assert json.loads((site / MARKER).read_text(encoding="utf-8")) == {
        "edition": "public",
        "generator": "vifte",
    }
    assert read_marker(site) == {"edition": "public", "generator": "vifte"}
    (site / "gammel-side.html").write_text("fra sidste uge", encoding="utf-8")
    change_an_offer(project)
    result = vifte("build", "-p", str(project), "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    assert not (site / "gammel-side.html").exists()
    page = (site / "tilbud/virksomhedspraktik/index.html").read_text(encoding="utf-8")
    assert "<h1>Praktik i en virksomhed</h1>" in page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kommune", "site"]


def test_a_symlinked_site_is_replaced_where_it_really_is(project, tmp_path):
    real = tmp_path / "www/site"
    build_site(project / "mkdocs.yml", real)
    (tmp_path / "site").symlink_to(real)
    change_an_offer(project)
    assert vifte("build", "-p", str(project), "--site-dir", str(tmp_path / "site")).returncode == 0
    assert (tmp_path / "site").is_symlink()
    assert "Praktik i en virksomhed" in (real / "tilbud/virksomhedspraktik/index.html").read_text(
        encoding="utf-8"
    )


def test_a_site_of_another_edition_is_not_replaced(project, tmp_path):
    site = tmp_path / "intern"
    site.mkdir()
    write_marker(site, INTERNAL.key)
    (site / "index.html").write_text("intern udgave", encoding="utf-8")
    with pytest.raises(
        SiteDirError, match="rummer udgaven 'intern', og denne bygning er udgaven 'offentlig'"
    ):
        build_site(project / "mkdocs.yml", site)
    assert (site / "index.html").read_text(encoding="utf-8") == "intern udgave"
    result = vifte("build", "-p", str(project), "--edition", "intern", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    assert read_marker(site) == {"edition": "internal", "generator": "vifte"}
    public = tmp_path / "offentlig"
    build_site(project / "mkdocs.yml", public)
    result = vifte("build", "-p", str(project), "--edition", "intern", "--site-dir", str(public))
    assert result.returncode == 1
    assert "rummer udgaven 'offentlig', og denne bygning er udgaven 'intern'" in one_line(
        result.stderr
    )


def _hold_lock(site: Path) -> int:
    fd = os.open(Layout(site.resolve(), in_place=False).lock, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def _readline(process: subprocess.Popen) -> str:
    ready, _, _ = select.select([process.stderr], [], [], PATIENCE)
    assert ready, "no line on stderr"
    return process.stderr.readline()


def test_a_second_build_waits_for_the_first(project, tmp_path):
    site = tmp_path / "site"
    build_site(project / "mkdocs.yml", site)
    before = tree(site)
    change_an_offer(project)
    fd = _hold_lock(site)  # as a build in another process would
    try:
        second = subprocess.Popen(
            [sys.executable, "-m", "vifte", "build", "--no-pdf", "-p", str(project)]
            + ["--site-dir", str(site)],
            stderr=subprocess.PIPE,
            text=True,
        )
        waiting = _readline(second)
        assert f"En anden bygning skriver til {site}; venter på" in waiting
        time.sleep(1)
        assert second.poll() is None and tree(site) == before
    finally:
        os.close(fd)
    assert second.wait(timeout=PATIENCE) == 0
    assert "Sitet er bygget" in second.stderr.read()
    assert "Praktik i en virksomhed" in (site / "tilbud/virksomhedspraktik/index.html").read_text(
        encoding="utf-8"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kommune", "site"]


def test_ctrl_c_while_waiting_for_another_build(project, tmp_path):
    site = tmp_path / "site"
    build_site(project / "mkdocs.yml", site)
    before = tree(site)
    fd = _hold_lock(site)
    try:
        second = subprocess.Popen(
            [sys.executable, "-m", "vifte", "build", "--no-pdf", "-p", str(project)]
            + ["--site-dir", str(site)],
            stderr=subprocess.PIPE,
            text=True,
        )
        assert "venter på, at den bliver færdig" in _readline(second)
        second.send_signal(signal.SIGINT)
        assert second.wait(timeout=PATIENCE) == 130
    finally:
        os.close(fd)
    assert one_line(second.stderr.read()) == (
        "Bygningen blev afbrudt (Ctrl-C); det tidligere site er ikke ændret."
    )
    assert tree(site) == before


def test_a_second_build_gives_up_after_waiting(project, tmp_path):
    site = tmp_path / "site"
    build_site(project / "mkdocs.yml", site)
    before = tree(site)
    lines: list[str] = []
    fd = _hold_lock(site)
    try:
        with pytest.raises(
            SiteDirError, match="en anden bygning har skrevet til .* i over 1 sekunder"
        ):
            build_site(project / "mkdocs.yml", site, wait=1, notify=lines.append)
    finally:
        os.close(fd)
    assert len(lines) == 1 and "venter" in lines[0]
    assert tree(site) == before


def test_two_builds_at_once_leave_one_whole_site(tmp_path):
    from build import make_project  # benchmarks/build.py: synthetic offers

    root = tmp_path / "stor"
    make_project(root, 150)
    reference = build_site(root / "mkdocs.yml", tmp_path / "reference")
    site = tmp_path / "site"
    command = [sys.executable, "-m", "vifte", "build", "--no-pdf", "-p", str(root)]
    command += ["--site-dir", str(site)]
    builds = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(b.wait(timeout=PATIENCE), b.stderr.read()) for b in builds]
    assert [code for code, _ in results] == [0, 0], results
    assert not any("Traceback" in err for _, err in results)
    assert tree(site) == tree(reference)
    assert broken_in_site(site, "/") == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reference", "site", "stor"]


def test_a_crash_between_the_two_renames_is_undone_by_the_next_run(project, tmp_path):
    site = tmp_path / "site"
    build_site(project / "mkdocs.yml", site)
    before = tree(site)
    layout = Layout(site, in_place=False)
    site.rename(layout.old)  # killed after moving the old site aside ...
    layout.staging.mkdir()  # ... with the new one not yet in place
    (layout.staging / "index.html").write_text("halvfærdig", encoding="utf-8")
    (project / "catalogue/offers/ny.yaml").write_text("title: [\n", encoding="utf-8")
    result = vifte("build", "-p", str(project), "--site-dir", str(site))
    assert result.returncode == 1
    assert f"Lagde det tidligere site tilbage i {site} efter en afbrudt bygning." in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kommune", "site"]


def _folder(path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_swap_beside_the_target(tmp_path, exchange):
    layout = Layout(tmp_path / "site", in_place=False)
    _folder(layout.target, {"index.html": "gammel", "gammel/index.html": "x"})
    _folder(layout.staging, {"index.html": "ny", "ny/index.html": "y"})
    commit(layout, exchange=exchange)
    assert tree(layout.target) == {"index.html": b"ny", "ny/index.html": b"y"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_swap_inside_a_target_that_cannot_be_renamed(tmp_path):
    layout = Layout(tmp_path / "site", in_place=True)
    _folder(layout.target, {"index.html": "gammel", "gammel/index.html": "x"})
    (layout.target / "lost+found").mkdir()
    _folder(layout.staging, {"index.html": "ny", "ny/index.html": "y"})
    commit(layout)
    assert tree(layout.target) == {"index.html": b"ny", "ny/index.html": b"y"}
    assert sorted(p.name for p in layout.target.iterdir()) == ["index.html", "lost+found", "ny"]


def test_an_in_place_swap_killed_before_its_commit_point_is_undone(tmp_path):
    layout = Layout(tmp_path / "site", in_place=True)
    _folder(layout.target, {"a.html": "gammel a"})
    _folder(layout.old, {"b.html": "gammel b"})  # b was moved aside, a not yet
    _folder(layout.staging, {"a.html": "ny a", "b.html": "ny b"})
    assert "Lagde det tidligere site tilbage" in recover(layout)
    assert tree(layout.target) == {"a.html": b"gammel a", "b.html": b"gammel b"}


def test_an_in_place_swap_killed_after_its_commit_point_is_finished(tmp_path):
    layout = Layout(tmp_path / "site", in_place=True)
    _folder(layout.target, {"a.html": "ny a"})  # a was moved up, b not yet
    _folder(layout.new, {"b.html": "ny b"})
    _folder(layout.old, {"a.html": "gammel a", "b.html": "gammel b"})
    assert "Gjorde udskiftningen af sitet" in recover(layout)
    assert tree(layout.target) == {"a.html": b"ny a", "b.html": b"ny b"}


@pytest.mark.parametrize(
    "sig, code, how", [(signal.SIGTERM, 143, "SIGTERM"), (signal.SIGINT, 130, "Ctrl-C")]
)
def test_a_stopped_build_says_one_line(tmp_path, tmp_path_factory, sig, code, how):
    root, site = large_built_copy(tmp_path_factory, tmp_path)  # 600 offers, built once
    command = build_command(root, site)
    before = tree(site)
    change_an_offer_file = sorted((root / "catalogue/offers").glob("*.yaml"))[0]
    change_an_offer_file.write_text(
        change_an_offer_file.read_text(encoding="utf-8").replace("title: ", "title: Ændret ", 1),
        encoding="utf-8",
    )
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    wait_for_staging(tmp_path, process)
    process.send_signal(sig)
    assert process.wait(timeout=PATIENCE) == code
    assert one_line(process.stderr.read()) == (
        f"Bygningen blev afbrudt ({how}); det tidligere site er ikke ændret."
    )
    assert tree(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "stor"]


@pytest.mark.parametrize(
    "sig, code, how", [(signal.SIGTERM, 143, "SIGTERM"), (signal.SIGINT, 130, "Ctrl-C")]
)
def test_a_stopped_preview_says_one_line_and_cleans_up(project, tmp_path, sig, code, how):
    from .test_serve import _free_port, _wait_for

    temp = tmp_path / "temp"
    temp.mkdir()
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "vifte", "serve", "-p", str(project), "-a", f"127.0.0.1:{port}"],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(temp)},
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}/", "Prøveby Kommune")
        assert list(temp.iterdir()) != []  # the preview serves from a folder in TMPDIR
    finally:
        process.send_signal(sig)
    assert process.wait(timeout=PATIENCE) == code
    err = process.stderr.read()
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == f"Forhåndsvisningen er stoppet ({how})."
    assert list(temp.iterdir()) == []


# Read-only file systems, full disks and mount points, made for real with tmpfs and bind mounts in a
# user and mount namespace of their own (`unshare -rm`): no root needed, and every mount vanishes
# with the script. Each script writes what the test checks into $OUT.

BUILD = '"$PY" -m vifte build -p "$P" --site-dir "$SITE"'
CHANGE = 'sed -i "s/title: Virksomhedspraktik/title: Ændret praktik/" "$P/catalogue/offers/virksomhedspraktik.yaml"'


def in_mount_namespace(script: str, **paths: Path) -> None:
    """Run a shell script as root of its own user and mount namespace; fail if that is impossible."""
    unshare = shutil.which("unshare")
    assert unshare, "these tests need util-linux' unshare (apt-get install util-linux)"
    result = subprocess.run(
        [unshare, "--user", "--map-root-user", "--mount", "sh", "-eu", "-c", script],
        env=_environment(PY=sys.executable, **paths),
        capture_output=True,
        text=True,
        timeout=PATIENCE,
    )
    assert result.returncode == 0, f"the mount namespace script failed: {result.stderr}"


def _run_build(name: str) -> str:
    return f'rc=0; {BUILD} 2>"$OUT/{name}.err" || rc=$?; echo $rc >"$OUT/{name}.rc"'


def _result(out: Path, name: str) -> tuple[int, str]:
    return int((out / f"{name}.rc").read_text()), (out / f"{name}.err").read_text(encoding="utf-8")


@pytest.mark.parametrize("read_only", ["file system", "site folder"])
def test_a_read_only_site_keeps_the_old_site(project, tmp_path, read_only):
    vol, out = tmp_path / "vol", tmp_path / "out"
    vol.mkdir()
    out.mkdir()
    protect = {
        "file system": 'mount -o remount,ro "$VOL"',
        "site folder": 'mount --bind "$SITE" "$SITE"; mount -o remount,bind,ro "$SITE"',
    }[read_only]
    script = f"""
        mount -t tmpfs -o size=64m tmpfs "$VOL"
        {BUILD} 2>/dev/null
        cp -a "$SITE" "$OUT/before"
        {CHANGE}
        {protect}
        {_run_build("second")}
        cp -a "$SITE" "$OUT/after"
        ls -A "$VOL" >"$OUT/vol"
    """
    in_mount_namespace(script, P=project, VOL=vol, SITE=vol / "site", OUT=out)
    code, err = _result(out, "second")
    assert code == 1 and "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("fejl: ") and "filsystemet er skrivebeskyttet" in last, err
    assert f"sitet i {vol / 'site'} er ikke ændret" in last
    assert tree(out / "after") == tree(out / "before")
    assert (out / "vol").read_text().split() == ["site"]


@pytest.mark.parametrize("where", ["beside", "in place"])
def test_a_full_disk_keeps_the_old_site(project, tmp_path, where):
    vol, out = tmp_path / "vol", tmp_path / "out"
    (vol / "site").mkdir(parents=True)
    out.mkdir()
    disk = {"beside": "$VOL", "in place": "$SITE"}[where]  # where the tmpfs is mounted
    script = f"""
        mount -t tmpfs -o size=12m tmpfs "{disk}"
        {BUILD} 2>/dev/null
        cp -a "$SITE" "$OUT/before"
        {CHANGE}
        dd if=/dev/zero of="{disk}/fyld" bs=64k 2>/dev/null || true
        {_run_build("full")}
        cp -a "$SITE" "$OUT/after"
        ls -A "{disk}" >"$OUT/disk"
        rm "{disk}/fyld"
        {_run_build("freed")}
        cp -a "$SITE" "$OUT/freed"
    """
    in_mount_namespace(script, P=project, VOL=vol, SITE=vol / "site", OUT=out)
    code, err = _result(out, "full")
    assert code == 1 and "Traceback" not in err
    last = err.strip().splitlines()[-1]
    staging = Layout(vol / "site", in_place=where == "in place").staging
    assert last.startswith(f"fejl: {staging}/") and ": disken er fuld; sitet i" in last, err
    after = tree(out / "after")
    after.pop("fyld", None)  # in place, the filler sits in the site folder itself
    assert after == tree(out / "before")
    own = [n for n in (out / "disk").read_text().split() if n.startswith(".vifte-")]
    assert own == [MARKER] if where == "in place" else own == []
    assert _result(out, "freed")[0] == 0
    page = out / "freed/tilbud/virksomhedspraktik/index.html"
    assert "<h1>Ændret praktik</h1>" in page.read_text(encoding="utf-8")


def test_a_site_folder_that_is_a_mount_point_is_replaced_in_place(project, tmp_path):
    vol, out = tmp_path / "vol", tmp_path / "out"
    vol.mkdir()
    out.mkdir()
    # Like a Docker volume in a container whose own file system is read-only. The reference is
    # built beside, on tmpfs too: Pagefind's index follows the order of the directory entries.
    script = f"""
        mount -t tmpfs -o size=1m tmpfs "$VOL"
        mkdir "$SITE" "$VOL/reference"
        mount -t tmpfs -o size=64m tmpfs "$SITE"
        mount -o remount,ro "$VOL"
        {_run_build("first")}
        {CHANGE}
        {_run_build("second")}
        cp -a "$SITE" "$OUT/site"
        ls -A "$VOL" >"$OUT/vol"
        mount -t tmpfs -o size=64m tmpfs "$VOL/reference"
        "$PY" -m vifte build -p "$P" --site-dir "$VOL/reference/site" 2>/dev/null
        cp -a "$VOL/reference/site" "$OUT/reference"
    """
    in_mount_namespace(script, P=project, VOL=vol, SITE=vol / "site", OUT=out)
    notice = (
        f"{vol / 'site'} er et monteringspunkt og kan ikke omdøbes, så sitet udskiftes fil for fil"
    )
    for name in ("first", "second"):
        code, err = _result(out, name)
        assert code == 0, err
        assert err.splitlines()[0].startswith(notice) and "Traceback" not in err
    assert tree(out / "site") == tree(out / "reference")
    assert "<h1>Ændret praktik</h1>" in (
        out / "site/tilbud/virksomhedspraktik/index.html"
    ).read_text(encoding="utf-8")
    assert (out / "vol").read_text().split() == ["reference", "site"]
