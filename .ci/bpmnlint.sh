#!/usr/bin/env bash
# Lints every BPMN file under processes/ with bpmnlint (rules in .bpmnlintrc) and fails on any problem,
# warnings included. bpmnlint 11.x is pinned because 12.x needs Node 24 and our machines have Node 20.
set -euo pipefail
cd "$(dirname "$0")/.."

bash .ci/npm-ci.sh

mapfile -t files < <(find processes -type f -name '*.bpmn' | sort)
if [ "${#files[@]}" -eq 0 ]; then
  echo "bpmnlint: no .bpmn files under processes/" >&2
  exit 1
fi

echo "bpmnlint: ${#files[@]} file(s): ${files[*]}"
npx --no-install bpmnlint --max-warnings=0 "${files[@]}"
echo "bpmnlint: no problems"
