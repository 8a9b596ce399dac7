"""Publishing to a real bare git repository: what is published, in which order, and each refusal.

The project is a git copy of the kit whose content is the tiny fixture site cut to one
language, a page, a news item and a tender with its PDF (each publish builds it and runs
the HTML and accessibility checks on every kind of page), with a bare repository as `origin`. Tests that need no build publish a stand-in site folder through
kit_publish directly; the others run `invoke publish` or `invoke rollback` as an editor would.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from fixture_site import tiny_site
from kit_publish import (PublishRefused, cname_of, deploys, head_commit, live_tip, publish_lock,
                         publish_to_branch, uncommitted_sources)
from kit_publish.kit_publish import deploy_commit, push

WEBSITE = "https://www.majaribio.go.tz"  # the tiny site's address
NEWS = "content/news/2026-11-01-habari.md"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True)


def git(cwd: Path, *args: str) -> str:
    result = run(cwd, "git", *args)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def invoke(project: Path, *args: str) -> subprocess.CompletedProcess:
    return run(project, sys.executable, "-m", "invoke", *args)


ONLY_IN_THE_TINY_SITE = ("events/2026-12-09-sherehe.md", "galleries/picha.md", "investments/shamba.md",
                         "projects/maji.md", "publications/ripoti.md", "units/planning.md")


def small_office(project: Path) -> Path:
    """The tiny site in Swahili only, without the items these tests never publish on their own."""
    content = tiny_site(project)
    for path in [*content.rglob("*.en.md"), *(content / name for name in ONLY_IN_THE_TINY_SITE)]:
        path.unlink()
    site = (content / "site.yaml").read_text(encoding="utf-8")
    site = site.replace("    - code: en\n      name: English\n", "")
    (content / "site.yaml").write_text(re.sub(r", en: [^}]+", "", site), encoding="utf-8")
    menus = (content / "menus.yaml").read_text(encoding="utf-8")
    (content / "menus.yaml").write_text(re.sub(r", en: [^}]+", "", menus), encoding="utf-8")
    return content


@pytest.fixture
def project(tmp_path) -> Path:
    """The kit's current files with the tiny site as content, in a fresh git repository
    whose origin is a bare repository."""
    project, remote = tmp_path / "project", tmp_path / "remote.git"
    for name in git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard").splitlines():
        if (ROOT / name).is_file() and not name.startswith("content/"):
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, project / name)
    small_office(project)
    git(tmp_path, "init", "--quiet", "--bare", str(remote))
    git(project, "init", "--quiet", "--initial-branch=main")
    git(project, "config", "user.name", "Editor")
    git(project, "config", "user.email", "e@x.go.tz")
    git(project, "add", "-A")
    git(project, "commit", "--quiet", "-m", "Site")
    git(project, "remote", "add", "origin", str(remote))
    return project


def remote_of(project: Path) -> Path:
    return project.parent / "remote.git"


def published_file(project: Path, path: str) -> str:
    return git(remote_of(project), "show", f"gh-pages:{path}")


def live(project: Path) -> str | None:
    result = run(remote_of(project), "git", "rev-parse", "--verify", "--quiet", "gh-pages")
    return result.stdout.strip() or None


def edit_and_commit(project: Path, path: str, old: str, new: str) -> str:
    file = project / path
    file.write_text(file.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    git(project, "commit", "--quiet", "-am", f"Edit {path}")
    return head_commit(project)


def stand_in_site(folder: Path, text: str) -> Path:
    """A built site's stand-in: one page."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
    return folder


def publish_stand_in(project: Path, source: str, text: str) -> str:
    """Publish a one-page site as if built from `source`, without building; return the deploy."""
    site = stand_in_site(project.parent / f"site-{text}", text)
    return publish_to_branch(project, site, "origin", "gh-pages", WEBSITE, source)


def test_cname_is_written_only_for_a_custom_domain():
    assert cname_of("https://www.mlimanidc.go.tz") == "www.mlimanidc.go.tz"
    assert cname_of("https://council.github.io/site/") is None


def hide_files_from_git(project: Path) -> None:
    """A file git ignores through .gitignore, and two through .git/info/exclude."""
    (project / ".gitignore").write_text((project / ".gitignore").read_text() + "content/files/secret.pdf\n")
    git(project, "commit", "--quiet", "-am", "Ignore the secret file")
    (project / "content" / "files" / "secret.pdf").write_bytes(b"%PDF-1.4 SIRI")
    (project / "content" / "pages" / "draft.md").write_text("---\ntitle: Rasimu ya siri\n---\nSiri.\n")
    (project / "theme" / "static" / "css" / "leak.css").write_text("/* siri */\n")
    with open(project / ".git" / "info" / "exclude", "a", encoding="utf-8") as exclude:
        exclude.write("content/pages/draft.md\ntheme/static/css/leak.css\n")


def wait_for_lock(project: Path, publisher: subprocess.Popen) -> None:
    lock = project / ".git" / "kit-publish.lock"
    for _ in range(300):
        if lock.exists() and lock.read_text().strip() == str(publisher.pid):
            return
        assert publisher.poll() is None, publisher.communicate()
        time.sleep(0.1)
    raise AssertionError("the first publish never took the lock")


def test_publish_only_committed_files_one_at_a_time_then_publish_again_and_roll_back(project):
    hide_files_from_git(project)
    (project / "output").mkdir()
    (project / "output" / "preview.html").write_text("the editor's preview")
    first = subprocess.Popen([sys.executable, "-m", "invoke", "publish"], cwd=project, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wait_for_lock(project, first)
    second = invoke(project, "publish")
    assert second.returncode != 0 and f"another publish is running (pid {first.pid})" in second.stderr
    out, err = first.communicate(timeout=600)
    assert first.returncode == 0, err + out

    remote = remote_of(project)
    assert git(remote, "log", "-1", "--format=%s", "gh-pages") == f"Publish {head_commit(project)}"
    assert published_file(project, "CNAME") == "www.majaribio.go.tz"
    assert published_file(project, ".nojekyll") == ""
    assert "<loc>https://www.majaribio.go.tz/about/</loc>" in published_file(project, "sitemap.xml")
    files = git(remote, "ls-tree", "-r", "--name-only", "gh-pages").splitlines()
    assert "files/tenders/tangazo.pdf" in files
    assert not [name for name in files if "secret" in name or "leak" in name or "draft" in name], files
    assert run(remote, "git", "grep", "--quiet", "Rasimu ya siri", "gh-pages").returncode == 1
    assert (project / "output" / "preview.html").read_text() == "the editor's preview"
    assert sorted(path.name for path in project.iterdir() if path.name.startswith("output")) == ["output"]
    first_tree = git(remote, "rev-parse", "gh-pages^{tree}")

    edit_and_commit(project, NEWS, "title: Habari ya majaribio", "title: MABADILIKO ya majaribio")
    again = invoke(project, "publish")
    assert again.returncode == 0, again.stderr + again.stdout
    assert "MABADILIKO" in published_file(project, "index.html")
    assert git(remote, "rev-list", "--count", "gh-pages") == "2"

    back = invoke(project, "rollback")
    assert back.returncode == 0, back.stderr
    assert "MABADILIKO" not in published_file(project, "index.html")
    assert git(remote, "rev-parse", "gh-pages^{tree}") == first_tree
    assert git(remote, "rev-list", "--count", "gh-pages") == "3"
    assert invoke(project, "rollback").returncode != 0, "nothing older than the first deploy"


def test_publish_refuses_uncommitted_content_naming_whole_paths_and_pushes_nothing(project):
    with open(project / "content" / "menus.yaml", "a", encoding="utf-8") as menus:
        menus.write("# changed\n")  # a modified tracked file: the first line of `git status`
    (project / "content" / "news" / "2026-11-21 rasimu.md").write_text(
        "---\ntitle: Rasimu\ndate: 2026-11-21\ncategory: Maji\n---\nMaandishi\n", encoding="utf-8")
    assert uncommitted_sources(project) == ["content/menus.yaml", "content/news/2026-11-21 rasimu.md"]
    result = invoke(project, "publish")
    assert result.returncode != 0
    assert "commit these changes first" in result.stderr
    assert "\n  content/menus.yaml\n  content/news/2026-11-21 rasimu.md" in result.stderr
    assert live(project) is None


def test_publish_refuses_a_broken_site_and_keeps_the_live_one(project):
    published = publish_stand_in(project, head_commit(project), "live")
    edit_and_commit(project, NEWS, "category: Maji", "category: Maji\nsumary: kosa")
    result = invoke(project, "publish")
    assert result.returncode != 0
    assert "sumary: unknown field; did you mean 'summary'?" in result.stdout + result.stderr
    assert "Not published" in result.stderr
    assert live(project) == published


def test_a_publish_never_replaces_a_deploy_of_a_newer_commit(project):
    older = head_commit(project)
    newer = edit_and_commit(project, NEWS, "Maandishi", "Maandishi mapya")
    published = publish_stand_in(project, newer, "newer")
    with pytest.raises(PublishRefused, match=f"built from {newer[:12]}, which is newer than .* {older[:12]}"):
        publish_stand_in(project, older, "older")
    git(project, "checkout", "--quiet", "-b", "other", older)
    sideways = edit_and_commit(project, NEWS, "Maandishi", "Maandishi mengine")
    with pytest.raises(PublishRefused, match="not an ancestor of"):
        publish_stand_in(project, sideways, "sideways")
    assert live(project) == published

    git(project, "checkout", "--quiet", "main")
    old_style = deploy_commit(project, stand_in_site(project.parent / "old-style", "old"), published,
                              f"Publish {newer[:7]}")  # deploys made before full names
    push(project, "origin", "gh-pages", old_style)
    with pytest.raises(PublishRefused, match=f"built from {newer[:7]},"):
        publish_stand_in(project, older, "older")
    newest = edit_and_commit(project, NEWS, "Maandishi", "Maandishi ya leo")
    publish_stand_in(project, newest, "newest")
    assert [deploy.source for deploy in deploys(project, live(project))] == [newest, newer[:7], newer]


def test_editors_are_told_before_the_build_when_the_live_site_is_newer(project):
    older = head_commit(project)
    newer = edit_and_commit(project, NEWS, "Maandishi", "Maandishi mapya")
    published = publish_stand_in(project, newer, "newer")
    git(project, "checkout", "--quiet", "--detach", older)
    result = invoke(project, "publish")
    assert result.returncode != 0
    assert f"Not published: the live site was built from {newer[:12]}" in result.stderr
    assert "pull, then publish again" in result.stderr and "Traceback" not in result.stderr
    assert "Built the site" not in result.stdout
    assert live(project) == published


def test_a_push_after_someone_else_published_is_refused_not_forced(project):
    source = head_commit(project)
    publish_stand_in(project, source, "first")
    tip = live_tip(project, "origin", "gh-pages")
    ours = deploy_commit(project, stand_in_site(project.parent / "ours", "ours"), tip, f"Publish {source}")
    theirs = publish_stand_in(project, source, "theirs")  # another publisher, between our fetch and push
    with pytest.raises(PublishRefused, match="origin refused the new gh-pages"):
        push(project, "origin", "gh-pages", ours)
    assert live(project) == theirs


def test_a_push_the_remote_rejects_is_reported_in_plain_words(project):
    source = head_commit(project)
    publish_stand_in(project, source, "first")
    published = publish_stand_in(project, source, "second")
    hook = remote_of(project) / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'gh-pages is protected here' >&2\nexit 1\n")
    hook.chmod(0o755)
    with pytest.raises(PublishRefused, match="(?s)origin refused the new gh-pages.*gh-pages is protected here"):
        publish_stand_in(project, source, "third")
    result = invoke(project, "rollback")
    assert result.returncode != 0
    assert "Nothing was changed: origin refused the new gh-pages" in result.stderr
    assert "gh-pages is protected here" in result.stderr and "Traceback" not in result.stderr
    assert live(project) == published


def test_one_publish_or_rollback_at_a_time_in_a_checkout(project):
    publish_stand_in(project, head_commit(project), "first")
    published = publish_stand_in(project, head_commit(project), "second")
    with publish_lock(project):
        result = invoke(project, "rollback")
        assert result.returncode != 0
        assert f"another publish is running (pid {os.getpid()})" in result.stderr
    assert live(project) == published
    (project / ".git" / "kit-publish.lock").write_text("999999999\n")  # left by a publish that was killed
    with publish_lock(project):
        pass
