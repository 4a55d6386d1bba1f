#!/usr/bin/env bash
# No tracked file names a package host (issue 24): scripts take the mirror from the
# machine's apt configuration. The patterns are written so this file does not match.
set -euo pipefail
cd "$1"
hosts='(deb|ftp|security|snapshot|httpredir|cdn-fastly|ftp\.[a-z]{2})\.debian\.org|archive\.ubuntu\.com|security\.ubuntu\.com|registry\.npmjs\.org|registry\.yarnpkg\.com|pypi\.org|files\.pythonhosted\.org|download\.qt\.io'
if git rev-parse --is-inside-work-tree > /dev/null 2>&1; then
  files() { git ls-files -z; }
else # a source tree without git: every file but build output
  files() { find . -type f -not -path './.git/*' -not -path './build*' -print0; }
fi
# xargs folds grep's "no match" into its own failure status, so the lines decide.
hits=$(files | xargs -0 grep -InE "$hosts" -- || true)
if [ -n "$hits" ]; then
  echo "FAIL: package hosts named in the project's files:" >&2
  echo "$hits" >&2
  exit 1
fi
echo "ok: $(files | tr -cd '\0' | wc -c) files name no package host"
