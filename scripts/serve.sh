#!/usr/bin/env bash
# Set up (first run) and serve the site at http://127.0.0.1:8000 with live reload.
# Editing data/*.yaml or templates/ rebuilds both languages; edits to hooks/ need a restart.
source "$(dirname "$0")/env.sh"
ensure_venv requirements.txt
cd "$ROOT"
exec "$VENV/bin/mkdocs" serve --dev-addr 127.0.0.1:8000 "$@"
