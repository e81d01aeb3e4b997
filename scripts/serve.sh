#!/usr/bin/env bash
# Set up (first run) and serve the site at http://127.0.0.1:8000 with live reload.
# Editing data/*.yaml or templates/ rebuilds both languages and the search index; edits to hooks/
# need a restart. While editing, `bash scripts/serve.sh --lang zh` (or `--lang en`) previews one
# language only, at the site root and without the search index, and rebuilds about twice as fast.
source "$(dirname "$0")/env.sh"
ensure_venv requirements.txt
cd "$ROOT"
if [ "${1:-}" = "--lang" ]; then
  export ATLAS_PREVIEW_LANG="${2:?--lang needs zh or en}"
  shift 2
  set -- --dirty "$@"  # and rebuild only the pages whose content changed
fi
exec "$VENV/bin/mkdocs" serve --dev-addr 127.0.0.1:8000 "$@"
