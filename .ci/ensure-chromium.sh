#!/usr/bin/env bash
# Page tests drive a real headless Chromium (Debian's package; browsers cannot be downloaded by test tools here).
# Installs it when missing; run as root (CI is), or install `chromium` yourself once.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium is not installed; install Debian's package once: sudo apt-get install -y chromium" >&2
  exit 1
fi
echo "Installing Debian chromium for the page tests..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
command -v chromium >/dev/null
