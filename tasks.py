"""Invoke tasks of the kit: build, serve, test, scaffold and publish the site.

`make <task>` runs these after creating `.venv`; `invoke --list` shows them all.
"""

from __future__ import annotations

import datetime
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"
sys.path.insert(0, str(ROOT / "plugins"))


def source_date_epoch(commit: str = "HEAD") -> str:
    """The time of `commit`, so that builds of one commit are identical."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    result = subprocess.run(["git", "log", "-1", "--format=%ct", commit], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    return result.stdout.strip() or "0"


def build_site(settings_file: str, output: Path = OUTPUT, content: Path | None = None,
               commit: str = "HEAD") -> None:
    """Build into a fresh folder and swap it in only when the build succeeded.

    `content` (default: content/) is built with the settings file of the project folder
    that holds it, run from that folder, so its settings, theme and plugins are used.
    """
    project = (content or CONTENT).parent
    staging = output.with_name(output.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    env = dict(os.environ, SOURCE_DATE_EPOCH=source_date_epoch(commit))
    command = [sys.executable, "-m", "pelican", str(content or CONTENT), "-s", str(project / settings_file),
               "-o", str(staging)]
    if subprocess.run(command, cwd=project, env=env, check=False).returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        sys.exit(f"Nothing was written to {output.name}/: fix the problems listed above and build again.")
    previous = output.with_name(output.name + ".old")
    shutil.rmtree(previous, ignore_errors=True)
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"Built the site into {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}/")


def missing_system_packages() -> list[str]:
    """Debian packages from system-packages.txt that are not installed."""
    wanted = [line.strip() for line in (ROOT / "system-packages.txt").read_text().splitlines()
              if line.strip() and not line.startswith("#")]
    status = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${Status}\\n", *wanted],
                            capture_output=True, text=True, check=False).stdout
    installed = {line.split()[0] for line in status.splitlines() if line.endswith("installed")}
    return [name for name in wanted if name not in installed]


@task
def system_packages(c):
    """Install the Debian packages the tests need (Chromium, fonts) when missing."""
    missing = missing_system_packages()
    if not missing or os.environ.get("KIT_SYSTEM_PACKAGES") == "skip":
        return
    if os.geteuid() != 0:
        sys.exit(f"The tests need these Debian packages: sudo apt-get install {' '.join(missing)}")
    print(f"Installing Debian packages: {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    c.run("apt-get update -qq", env=env)
    c.run(f"apt-get install -y -qq --no-install-recommends {' '.join(missing)}", env=env)


@task
def editor_packages(c):
    """Install the browser editor's npm packages (`npm ci`, from package-lock.json) when they are missing.

    Without npm, or when `npm ci` fails, it says why and the build goes on without /admin/ (kit_admin
    says so again); the tests of the editor then fail, naming what is missing.
    """
    from kit_admin.bundle import missing

    reason = missing(ROOT)
    if reason and not shutil.which("npm"):
        print(f"The browser editor (/admin/) cannot be built: {reason}", file=sys.stderr)
    elif reason and c.run("npm ci --ignore-scripts --no-audit --no-fund", pty=False, warn=True).failed:
        print("npm ci failed (see above): the site is built without the browser editor (/admin/).", file=sys.stderr)
    # A publish builds an export of the commit, which has no node_modules/: the build takes these,
    # after checking them against the export's own package-lock.json.
    os.environ["KIT_ADMIN_MODULES"] = str(ROOT / "node_modules")


@task
def photo_cache(c):
    """Let the build of a publish (an export of the commit) reuse the derived photos in the checkout's cache/.

    The cache is named by each photo's bytes and options (kit_images), so nothing outside the commit
    can come from it. CI keeps the folder between runs (KIT_CACHE_PATH in the workflow)."""
    os.environ.setdefault("KIT_CACHE_PATH", str(ROOT / "cache"))


@task(pre=[editor_packages])
def build(c, production=False):
    """Build the site into output/ (--production uses publishconf.py)."""
    build_site("publishconf.py" if production else "pelicanconf.py")


@task
def serve(c, port=8000):
    """Build, then serve output/ at http://127.0.0.1:PORT/."""
    build_site("pelicanconf.py")
    print(f"Serving the site at http://127.0.0.1:{port}/ (Ctrl+C stops)")
    c.run(f"{sys.executable} -m pelican --listen --bind 127.0.0.1 --port {port} "
          f"-s pelicanconf.py -o {OUTPUT}", pty=False)


def livereload_command(content: Path = CONTENT, output: Path = OUTPUT, port: int = 8000) -> list[str]:
    """The command `livereload` runs, from the project folder: the kit's live builder and its server.

    It builds the whole site once, then, after each save, the pages the save touches first and
    the rest of the site after them (plugins/kit_live). content/ is watched as a whole, so a
    missing files/ folder is no trouble.
    """
    start = f"import sys; sys.path.insert(0, {str(ROOT / 'plugins')!r}); from kit_live.live import main; main()"
    return [sys.executable, "-c", start, str(content), "--port", str(port), "-s", "pelicanconf.py",
            "-o", str(output)]


@task
def livereload(c, port=8000):
    """Serve and rebuild whenever content or theme changes: the edited pages first, then the rest."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=source_date_epoch())  # the same bytes as `make build`
    c.run(shlex.join(livereload_command(port=int(port))), env=env, pty=False)


def refuse_uncommitted() -> None:
    """Stop when a source file has changes that are not committed (they would not be published)."""
    from kit_publish import PublishRefused, uncommitted_sources

    changed = uncommitted_sources(ROOT)
    if changed:
        raise PublishRefused("Not published: commit these changes first, so the site matches git:\n  "
                             + "\n  ".join(changed))


@contextmanager
def publishing() -> Iterator[tuple[str, Path]]:
    """(commit to publish, private folder) while holding the checkout's publish lock.

    Refuses uncommitted changes first; the folder is removed afterwards, whatever happened.
    """
    from kit_publish import head_commit, publish_lock

    refuse_uncommitted()
    with publish_lock(ROOT), tempfile.TemporaryDirectory(prefix="kit-publish-") as folder:
        yield head_commit(ROOT), Path(folder)


def checked_production_build(commit: str, folder: Path) -> tuple[Path, Path]:
    """Export `commit` into `folder`, build it for production there and check it: (site, content).

    Only what git tracks at `commit` is built; exits, before publishing, when a check fails.
    """
    from kit_publish import export_commit

    content = export_commit(ROOT, commit, folder / "source") / "content"
    site = folder / "site"
    try:
        build_site("publishconf.py", site, content, commit)
    except SystemExit:
        sys.exit("Not published: fix the problems listed above in a new commit, then publish again.")
    audit_site(site, content)
    return site, content


def audit_site(output: Path, content: Path | None = None) -> None:
    """HTML validity and accessibility of a built site; exits listing every problem."""
    from kit_audit import validate_html

    errors = validate_html(output)
    errors += [f"{path}: {violation}" for path, violations in accessibility_report(output, content).items()
               for violation in violations]
    if errors:
        sys.exit("The site checks failed; nothing was published:\n  " + "\n  ".join(errors))
    print("HTML and accessibility checks passed.")


def accessibility_report(output: Path, content: Path | None = None) -> dict[str, list[str]]:
    """axe-core violations of one page of each kind in each language, served from `output`.

    The languages come from the identity in `content` (default: content/).
    """
    from kit_audit import accessibility_violations, chromium, sample_pages, serve
    from kit_identity import languages_of, load_identity

    identity, _ = load_identity(content or CONTENT)
    codes = [lang["code"] for lang in languages_of(identity)]
    with serve(output) as base, chromium() as browser:
        page = browser.new_page()
        return {path: accessibility_violations(page, base + path)
                for path in sample_pages(output, codes, identity["languages"]["default"])}


def website(content: Path | None = None) -> str:
    """The site's address from the identity in `content` (default: content/)."""
    from kit_identity import load_identity

    identity, problems = load_identity(content or CONTENT)
    if problems:
        sys.exit("\n".join(str(problem) for problem in problems))
    return str(identity["website"])


@task(pre=[editor_packages, photo_cache],
      help={"remote": "git remote to push to", "branch": "branch that serves the site"})
def publish(c, remote="origin", branch="gh-pages"):
    """Build the committed sources for production, check, then push the site to the gh-pages branch."""
    from kit_publish import live_tip, publish_to_branch, refuse_older

    with publishing() as (source, folder):
        refuse_older(ROOT, live_tip(ROOT, remote, branch), source)  # early; checked again before the push
        site, content = checked_production_build(source, folder)
        commit = publish_to_branch(ROOT, site, remote, branch, website(content), source)
    print(f"Published {source[:12]} to {remote}/{branch} (deploy {commit[:12]}).")


@task(help={"remote": "git remote of the published branch", "branch": "branch that serves the site"})
def rollback(c, remote="origin", branch="gh-pages"):
    """Put back the previous deploy of the published branch."""
    from kit_publish import publish_lock, rollback_branch

    with publish_lock(ROOT):
        commit = rollback_branch(ROOT, remote, branch)
    print(f"Rolled back {remote}/{branch}: it now serves the previous deploy ({commit[:12]}).")


@task(name="publish-rsync", pre=[editor_packages, photo_cache],
      help={"target": "rsync destination, e.g. web@server:/var/www/site/"})
def publish_rsync(c, target):
    """Build the committed sources for production, check, then copy the site to your own server with rsync."""
    with publishing() as (source, folder):
        site, _ = checked_production_build(source, folder)
        c.run(f"rsync -az --delete --checksum {shlex.quote(str(site))}/ {shlex.quote(target)}")
    print(f"Published {source[:12]} to {target}.")


@task(name="check-html")
def check_html(c):
    """Validate every page of output/ with the Nu Html Checker."""
    from kit_audit import validate_html

    errors = validate_html(OUTPUT)
    sys.exit("\n".join(errors)) if errors else print("No HTML errors.")


@task(name="check-a11y")
def check_a11y(c):
    """Run axe-core (WCAG 2.1 A/AA) on one page of each kind in each language of output/."""
    report = accessibility_report(OUTPUT)
    problems = [f"{path}: {v}" for path, violations in report.items() for v in violations]
    sys.exit("\n".join(problems)) if problems else print(f"No violations on {len(report)} pages.")


@task(name="nginx-config", help={"root": "folder the server serves", "listen": "nginx listen value",
                                  "certificate": "certificate chain file (default: Let's Encrypt's for the site)",
                                  "key": "private key file (default: Let's Encrypt's for the site)"})
def nginx_config_task(c, root="/var/www/site", listen="443 ssl http2", certificate="", key=""):
    """Print the site's nginx servers: precompressed files, caching, security headers, HTTP to HTTPS."""
    from kit_identity import load_identity
    from kit_serving import nginx_config, serving_settings
    from urllib.parse import urlsplit

    identity, problems = load_identity(CONTENT)
    if problems:
        sys.exit("No nginx configuration: fix content/site.yaml first.\n  " + "\n  ".join(map(str, problems)))
    host = urlsplit(identity["website"]).hostname
    live = f"/etc/letsencrypt/live/{host}"
    tls_files = None
    if "ssl" in listen.split():
        tls_files = (certificate or f"{live}/fullchain.pem", key or f"{live}/privkey.pem")
    print(nginx_config(serving_settings(identity, ROOT / "theme"), Path(root), listen, host, certificate=tls_files))


def ensure_lighthouse(c) -> None:
    """Node.js from Debian when missing, then Lighthouse from bench/lighthouse/package-lock.json."""
    if shutil.which("node") is None:
        if os.geteuid() != 0:
            sys.exit("Lighthouse needs Node.js: sudo apt-get install nodejs npm")
        c.run("apt-get update -qq && apt-get install -y -qq nodejs npm", env={"DEBIAN_FRONTEND": "noninteractive"})
    if not (ROOT / "bench" / "lighthouse" / "node_modules" / "lighthouse").is_dir():
        c.run(f"npm ci --no-audit --no-fund --prefix {ROOT / 'bench' / 'lighthouse'}")


@task(name="bench-weight", pre=[system_packages],
      help={"lighthouse": "also run Lighthouse (about 20 s a page)", "search": "words for a first search, per language",
            "kinds": "comma-separated page kinds for Lighthouse, e.g. 'home,news item' (default: all)",
            "runs": "Lighthouse runs per page; the table shows the median of each score"})
def bench_weight(c, lighthouse=True, search="sw=maji,en=water,fa=آب", kinds="", runs=1):
    """Print page weight per page kind and language, first-search bytes and Lighthouse scores."""
    if lighthouse:
        ensure_lighthouse(c)
    flags = f"--search {shlex.quote(search)} --lighthouse-runs {int(runs)}"
    flags += ("" if lighthouse else " --no-lighthouse") + (f" --kinds {shlex.quote(kinds)}" if kinds else "")
    c.run(f"{sys.executable} {ROOT / 'bench' / 'weight.py'} {flags}", pty=False)


@task(name="bench-build", help={"n": "news items per language", "runs": "runs of each variant (median)",
                                "scale": "also build 4 x N to check linear growth"})
def bench_build(c, n=1000, runs=3, scale=False):
    """The cold build against Hugo and Hugo + Pagefind, then the edit loop's latencies (bench/edit_loop.py)."""
    c.run(f"{sys.executable} {ROOT / 'bench' / 'run.py'} --n {n} --runs {runs}" + (" --scale" if scale else ""),
          pty=False)
    c.run(f"{sys.executable} {ROOT / 'bench' / 'edit_loop.py'} --n {n}", pty=False)


@task(name="docs-types")
def docs_types(c):
    """Write docs/content-types.md from the content types' schemas."""
    c.run(f"{sys.executable} {ROOT / 'plugins' / 'kit_types' / 'write_docs.py'}")


@task
def clean(c):
    """Remove the built site and caches."""
    for folder in (OUTPUT, ROOT / "output.new", ROOT / "output.old", ROOT / "cache"):
        shutil.rmtree(folder, ignore_errors=True)


@task(pre=[system_packages, editor_packages])
def test(c):
    """Run every test, one process per core (at most 4), each test file in one process
    (installs the Debian packages and the editor's npm packages the tests need first)."""
    processes = min(4, len(os.sched_getaffinity(0)))
    c.run(f"{sys.executable} -m pytest -q -n {processes} --dist loadfile", pty=False)


@task(help={"kind": "a content folder: news, press-releases, announcements, speeches, events, tenders, ...",
            "title": "the title of the new item", "lang": "language code (default: the site's)",
            "source": "an existing item to translate into --lang, e.g. content/news/2026-11-26-ziara.md"})
def new(c, kind="news", title="", lang="", source=""):
    """Write a new item of any content type with valid front matter and print its path; with --source,
    write a translation of that item holding only the fields to translate."""
    from kit_scaffold import write_item
    from kit_scaffold.translation import write_translation
    from kit_types import use_paths
    from pelicanconf import KIT_TYPE_PATHS

    use_paths(KIT_TYPE_PATHS)  # the institution's own types, beside the kit's
    if source:
        if not lang:
            raise SystemExit("Say which language to translate into, e.g. LANG_CODE=en")
        print(write_translation(CONTENT, source, lang))
        return
    print(write_item(CONTENT, kind, title, lang, datetime.datetime.now()))


@task(name="init-site", help={
    "name": "the institution's name", "kind": "region, district, city, ministry, agency or provincial-office",
    "languages": "language codes in switcher order, e.g. sw,en (sw, en, fa)", "default": "the default language",
    "website": "the public address, e.g. https://www.example.go.tz", "email": "the public e-mail address",
    "phone": "the public phone number", "timezone": "e.g. Africa/Dar_es_Salaam (the default) or Asia/Tehran",
    "sections": "the content folders to publish, e.g. news,events,pages (default: what the kind usually has)",
    "target": "the folder to write (default: content/)", "force": "replace what a non-empty target holds"})
def init_site_task(c, name="", kind="", languages="", default="", website="", email="", phone="", timezone="",
                   sections="", target="", force=False):
    """Write a new institution's minimal content folder; asks for missing options on a terminal."""
    from kit_scaffold.init_site import init_site

    values = {"name": name, "kind": kind, "languages": languages, "default": default, "website": website,
              "email": email, "phone": phone, "timezone": timezone, "sections": sections}
    folder = Path(target) if target else CONTENT
    written = init_site(values, folder, force)
    print(f"Wrote {len(written)} files into {folder}/; build them with `make build`, then replace "
          "each placeholder text.")


TRANSLATIONS = ROOT / "theme" / "translations"


@task(name="catalogs-extract")
def catalogs_extract(c):
    """Collect the theme's strings into messages.pot and merge them into every .po."""
    c.run(f"{sys.executable} -m babel.messages.frontend extract -F babel.cfg -k N_ --no-location "
          f"--sort-output --omit-header -o {TRANSLATIONS / 'messages.pot'} .")
    catalogs_update(c)


@task(name="catalogs-update")
def catalogs_update(c):
    """Merge messages.pot into the catalog of every language (new strings come untranslated)."""
    c.run(f"{sys.executable} -m babel.messages.frontend update -i {TRANSLATIONS / 'messages.pot'} "
          f"-d {TRANSLATIONS} -D messages --no-wrap --ignore-obsolete")


@task(name="catalogs-check")
def catalogs_check(c):
    """List untranslated or fuzzy strings, missing plural forms and wrong plural rules in every catalog."""
    from kit_i18n import incomplete_messages

    problems = [f"{lang.name}: {message}" for lang in sorted(TRANSLATIONS.iterdir()) if lang.is_dir()
                for message in incomplete_messages(lang / "LC_MESSAGES" / "messages.po")]
    if problems:
        sys.exit("Strings to translate:\n  " + "\n  ".join(problems))
    print("Every catalog is complete.")
