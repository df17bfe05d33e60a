#!/usr/bin/env bash
# Installs the command-line tools the CLI tests check the reports and the CI job with, from
# the npm registry only, into .test-tools/ (not in package.json: the SARIF multitool is a
# 100 MB native binary and gitlab-ci-local is pinned to the last version that runs on
# Node 20). Idempotent: a finished install is kept.
set -euo pipefail

SARIF_MULTITOOL_VERSION="5.7.0"
GITLAB_CI_LOCAL_VERSION="4.60.0"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="${TEST_TOOLS_DIR:-$ROOT/.test-tools}"
STAMP="$DEST/.installed-sarif-$SARIF_MULTITOOL_VERSION-gcl-$GITLAB_CI_LOCAL_VERSION"

if [ -f "$STAMP" ] && [ -x "$DEST/node_modules/.bin/sarif-multitool" ] && [ -x "$DEST/node_modules/.bin/gitlab-ci-local" ]; then
  echo "test tools already installed in $DEST"
  exit 0
fi

mkdir -p "$DEST"
[ -f "$DEST/package.json" ] || echo '{"name":"jobfamily-test-tools","private":true}' > "$DEST/package.json"
# gitlab-ci-local loads re2, a native addon: its install script cannot download a prebuilt
# one here and builds it with node-gyp against Node's headers (g++ and make, see .ci/run).
# shellcheck source=node-headers.sh
. "$ROOT/scripts/node-headers.sh"
npm install --prefix "$DEST" --no-audit --no-fund \
  "@microsoft/sarif-multitool@$SARIF_MULTITOOL_VERSION" "gitlab-ci-local@$GITLAB_CI_LOCAL_VERSION"
chmod u+x "$DEST/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
"$DEST/node_modules/.bin/sarif-multitool" --version >/dev/null
"$DEST/node_modules/.bin/gitlab-ci-local" --version >/dev/null
touch "$STAMP"
echo "sarif-multitool $SARIF_MULTITOOL_VERSION and gitlab-ci-local $GITLAB_CI_LOCAL_VERSION installed in $DEST"
