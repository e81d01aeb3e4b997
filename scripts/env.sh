# Sourced by serve.sh and test.sh: make .venv match the pinned requirements (idempotent).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
ensure_venv() {  # $1: requirements file
  local req="$ROOT/$1" stamp="$VENV/.installed-$(basename "$1")"
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  if [ ! -f "$stamp" ] || ! cmp -s <(cat "$ROOT"/requirements*.txt "$ROOT/pyproject.toml") "$stamp"; then
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$req"
    # the core, hooks/atlas, importable as `atlas` by scripts and tests (an editable install:
    # edits take effect without reinstalling); setuptools is pinned in requirements.txt
    "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e "$ROOT"
    cat "$ROOT"/requirements*.txt "$ROOT/pyproject.toml" > "$stamp"
  fi
}
ensure_schemas() {  # data/schema/*.json for editors, generated from the record definitions (not committed)
  "$VENV/bin/python" "$ROOT/scripts/schemas.py" --quiet
}
export NO_MKDOCS_2_WARNING=1
