"""The live builder behind `make livereload`: an edit reaches its page in a fraction of a second.

- `live.py`: the command, its loop and the server; `watch.py`: what changed; `serve.py`: HTTP.
- `builder.py`: one pass, a whole clean build in a warm process, the touched files first.
- `changes.py`: which files an edit touches; `reuse.py`: unchanged items served again.
- `writers.py`: the early writer and the interruptible whole one; `sync.py`: staging to served.

It is not a Pelican plugin: `live.py` runs Pelican itself, once per pass.
"""
