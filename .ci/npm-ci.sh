#!/usr/bin/env bash
# Installs the npm packages pinned in package-lock.json (the pages' fonts, bpmnlint) with `npm ci`, once per lockfile:
# a stamp in node_modules remembers the lockfile it was installed from, so repeated builds do not unpack them again.
# Needs Node.js 20+ (with npm) on the PATH; the npm registry is the only place it fetches from.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "HMC-Flow's build needs Node.js 20 or newer with npm on the PATH (for the pages' fonts and bpmnlint)." >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "HMC-Flow's build needs Node.js 20 or newer; this machine has $(node --version)." >&2
  exit 1
fi

stamp=node_modules/.hmc-package-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
npm ci --no-audit --no-fund
echo "$want" > "$stamp"
