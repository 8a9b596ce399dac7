"""Publishing to a real bare git repository: publish, publish again, roll back, refuse."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from kit_publish import cname_of


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True)


def git(cwd: Path, *args: str) -> str:
    result = run(cwd, "git", *args)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def invoke(project: Path, *args: str) -> subprocess.CompletedProcess:
    return run(project, sys.executable, "-m", "invoke", *args)


@pytest.fixture
def project(tmp_path) -> Path:
    """The kit's current files as a fresh git repository whose origin is a bare repository."""
    project, remote = tmp_path / "project", tmp_path / "remote.git"
    for name in git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard").splitlines():
        if (ROOT / name).is_file():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, project / name)
    git(tmp_path, "init", "--quiet", "--bare", str(remote))
    git(project, "init", "--quiet", "--initial-branch=main")
    git(project, "-c", "user.name=Editor", "-c", "user.email=e@x.go.tz", "add", "-A")
    git(project, "-c", "user.name=Editor", "-c", "user.email=e@x.go.tz", "commit", "--quiet", "-m", "Site")
    git(project, "remote", "add", "origin", str(remote))
    git(project, "config", "user.name", "Editor")
    git(project, "config", "user.email", "e@x.go.tz")
    return project


def published_file(project: Path, path: str) -> str:
    return git(project.parent / "remote.git", "show", f"gh-pages:{path}")


def edit_and_commit(project: Path, old: str, new: str) -> None:
    path = project / "content" / "news" / "2026-11-10-mradi-wa-maji-mbuyuni.md"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    git(project, "commit", "--quiet", "-am", "Edit a news item")


def test_cname_is_written_only_for_a_custom_domain():
    assert cname_of("https://www.mlimanidc.go.tz") == "www.mlimanidc.go.tz"
    assert cname_of("https://council.github.io/site/") is None


def test_publish_publish_again_and_roll_back(project):
    first = invoke(project, "publish")
    assert first.returncode == 0, first.stderr + first.stdout
    assert published_file(project, "CNAME") == "www.mlimanidc.go.tz"
    assert published_file(project, ".nojekyll") == ""
    assert "<link href=https://www.mlimanidc.go.tz/en/ hreflang=en rel=alternate>" in published_file(project, "index.html")
    assert "<loc>https://www.mlimanidc.go.tz/en/</loc>" in published_file(project, "sitemap.xml")
    first_tree = git(project.parent / "remote.git", "rev-parse", "gh-pages^{tree}")

    edit_and_commit(project, "title: Mkuu wa Wilaya", "title: MABADILIKO Mkuu wa Wilaya")
    assert invoke(project, "publish").returncode == 0
    assert "MABADILIKO" in published_file(project, "index.html")
    assert git(project.parent / "remote.git", "rev-list", "--count", "gh-pages") == "2"

    back = invoke(project, "rollback")
    assert back.returncode == 0, back.stderr
    assert "MABADILIKO" not in published_file(project, "index.html")
    assert git(project.parent / "remote.git", "rev-parse", "gh-pages^{tree}") == first_tree
    assert git(project.parent / "remote.git", "rev-list", "--count", "gh-pages") == "3"
    assert invoke(project, "rollback").returncode != 0, "nothing older than the first deploy"


def test_publish_refuses_uncommitted_content_and_pushes_nothing(project):
    (project / "content" / "news" / "2026-11-21-rasimu.md").write_text(
        "---\ntitle: Rasimu\ndate: 2026-11-21\ncategory: Maji\n---\nMaandishi\n", encoding="utf-8")
    result = invoke(project, "publish")
    assert result.returncode != 0
    assert "commit these changes first" in result.stderr and "content/news/2026-11-21-rasimu.md" in result.stderr
    assert run(project.parent / "remote.git", "git", "rev-parse", "--verify", "gh-pages").returncode != 0


def test_publish_refuses_a_broken_site_and_keeps_the_live_one(project):
    assert invoke(project, "publish").returncode == 0
    live = git(project.parent / "remote.git", "rev-parse", "gh-pages")
    edit_and_commit(project, "category: Maji", "category: Maji\nsumary: kosa")
    result = invoke(project, "publish")
    assert result.returncode != 0
    assert "sumary: unknown field; did you mean 'summary'?" in result.stdout + result.stderr
    assert git(project.parent / "remote.git", "rev-parse", "gh-pages") == live
