#!/usr/bin/env bash
# Set up (first run) and serve the site at http://127.0.0.1:8000 with live reload.
# Editing data/*.yaml or templates/ rebuilds both languages and the search index, writing only the
# pages the edit changed (`--dirty`); edits to hooks/ need a restart. While editing,
# `bash scripts/serve.sh --lang zh` (or `--lang en`) previews one language only, at the site root
# and without the search index, and rebuilds faster still.
# `--port N` serves on another port (default 8000); `--dev-addr HOST:PORT` on another address
# (e.g. 0.0.0.0:8000 to preview from a phone on the same network); other arguments go to `mkdocs serve`.
source "$(dirname "$0")/env.sh"
ensure_venv requirements.txt
ensure_schemas
cd "$ROOT"
PORT=8000
ADDR=""
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --lang) export ATLAS_PREVIEW_LANG="${2:?--lang needs zh or en}"; shift 2 ;;
    --port) PORT="${2:?--port needs a number}"; shift 2 ;;
    --dev-addr|-a) ADDR="${2:?--dev-addr needs HOST:PORT}"; shift 2 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
# --dirty: rebuild only the pages an edit changed (the session tells MkDocs which are unchanged)
exec "$VENV/bin/mkdocs" serve --dirty --dev-addr "${ADDR:-127.0.0.1:$PORT}" "${ARGS[@]}"
