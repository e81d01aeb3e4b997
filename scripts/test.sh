#!/usr/bin/env bash
# Set up (first run) and run every test: unit, golden bad input, real site build, browser.
# Installs Debian's chromium and CJK fonts when missing (needs root or sudo).
source "$(dirname "$0")/env.sh"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
ensure_venv requirements-test.txt
ensure_schemas
cd "$ROOT"
# axe-core (accessibility checks injected into pages by the browser tests), pinned in package.json
if ! grep -qs '"version": "4.14.1"' node_modules/axe-core/package.json; then
  command -v npm >/dev/null || { $SUDO apt-get update -qq; DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null; }
  npm install --no-audit --no-fund --no-package-lock --silent
fi
exec "$VENV/bin/python" -m pytest "$@"
