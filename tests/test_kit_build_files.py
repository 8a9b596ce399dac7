"""The build's files: listing a folder's files, writing a file whole."""

from kit_build.files import files_under, write_whole


def test_files_under_lists_every_file_relative_to_the_folder(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "index.html").write_text("x")
    (tmp_path / "top.txt").write_text("y")
    (tmp_path / "empty").mkdir()
    assert files_under(tmp_path) == {"a/b/index.html", "top.txt"}
    assert files_under(tmp_path / "missing") == set()


def test_write_whole_replaces_a_link_instead_of_writing_through_it(tmp_path):
    target, elsewhere = tmp_path / "site" / "page.html", tmp_path / "elsewhere.html"
    elsewhere.write_bytes(b"kept")
    target.parent.mkdir()
    target.symlink_to(elsewhere)
    write_whole(target, b"new")
    assert not target.is_symlink() and target.read_bytes() == b"new"
    assert elsewhere.read_bytes() == b"kept"
    assert [path.name for path in target.parent.iterdir()] == ["page.html"]  # no temporary file left
