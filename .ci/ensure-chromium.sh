#!/usr/bin/env bash
# Page tests drive a real headless Chromium (Debian's package; browsers cannot be downloaded by test tools here), some
# through Debian's chromedriver (Selenium). Installs both when missing; run as root (CI is), or install
# `chromium chromium-driver` yourself once.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium or chromedriver is not installed; install Debian's packages once: sudo apt-get install -y chromium chromium-driver" >&2
  exit 1
fi
echo "Installing Debian chromium and chromium-driver for the page tests..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver >/dev/null
command -v chromium >/dev/null
command -v chromedriver >/dev/null
