# Bootstrap only: create .venv from the pinned requirements (again when they
# change), then hand every target to the invoke tasks in tasks.py.
VENV   := .venv
STAMP  := $(VENV)/.installed
INVOKE := $(VENV)/bin/invoke

TASKS := build serve livereload clean test new init-site publish rollback publish-rsync check-html check-a11y bench-weight bench-build docs-types catalogs-extract catalogs-update catalogs-check

.PHONY: $(TASKS) help
help: $(STAMP)
	@$(INVOKE) --list

$(STAMP): requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --disable-pip-version-check -q -r requirements.txt
	touch $(STAMP)

# `make new KIND=news TITLE="Habari mpya" LANG_CODE=sw`; a translation of an existing item:
# `make new FROM=content/news/2026-11-26-habari-mpya.md LANG_CODE=en`
new: $(STAMP)
	$(INVOKE) new --kind "$(or $(KIND),news)" --title "$(TITLE)" $(if $(LANG_CODE),--lang "$(LANG_CODE)") $(if $(FROM),--source "$(FROM)")

$(filter-out new,$(TASKS)): $(STAMP)
	$(INVOKE) $@
