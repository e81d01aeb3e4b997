#!/usr/bin/env bash
# Set up (first run) and run every test: unit, golden bad input, real site build, browser.
# Installs Debian's chromium and CJK fonts when missing (needs root or sudo).
source "$(dirname "$0")/env.sh"
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
ensure_venv requirements-test.txt
cd "$ROOT"
exec "$VENV/bin/python" -m pytest "$@"
