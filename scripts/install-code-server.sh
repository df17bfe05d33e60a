#!/usr/bin/env bash
# Installs VS Code (the code-server build) for the real-editor tests, offline-safe:
# only the npm registry is used. Idempotent: a finished install is kept.
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="${CODE_SERVER_DIR:-$ROOT/.vscode-test/code-server}"
ENTRY="$DEST/node_modules/code-server/out/node/entry.js"

if [ -f "$ENTRY" ] && [ -f "$DEST/.installed-$VERSION" ]; then
  echo "code-server $VERSION already installed in $DEST"
  exit 0
fi

for tool in rg tar npm; do
  command -v "$tool" >/dev/null || { echo "install-code-server: '$tool' is required (apt-get install ripgrep)" >&2; exit 2; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# code-server's bundled VS Code pins @vscode/ripgrep, whose postinstall downloads a
# binary from GitHub unless a cached archive exists: give it Debian's rg instead.
(cd "$work" && npm pack --silent "code-server@$VERSION" >/dev/null)
tar -xzf "$work/code-server-$VERSION.tgz" -C "$work" package/lib/vscode/npm-shrinkwrap.json
rg_version="$(node -e 'const s=require(process.argv[1]);console.log(s.packages["node_modules/@vscode/ripgrep"].version)' "$work/package/lib/vscode/npm-shrinkwrap.json")"
(cd "$work" && npm pack --silent "@vscode/ripgrep@$rg_version" >/dev/null)
tar -xzf "$work/vscode-ripgrep-$rg_version.tgz" -C "$work" package/lib/postinstall.js
rg_tag="$(sed -n "s/^const VERSION = '\(.*\)';/\1/p" "$work/package/lib/postinstall.js")"
cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$rg_version"
mkdir -p "$cache"
tar -czf "$cache/ripgrep-$rg_tag-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
echo "ripgrep $rg_version ($rg_tag) served from Debian's rg"

mkdir -p "$DEST"
[ -f "$DEST/package.json" ] || echo '{"name":"code-server-host","private":true}' > "$DEST/package.json"
# code-server's postinstall installs VS Code's own dependencies with nested npm runs, whose
# install scripts (native addons, ripgrep) must run: allow them for this folder only.
# node-pty's postinstall runs `npx node-gyp` (npm_config_yes); code-server's postinstall
# refuses to run as root without unsafe-perm.
export npm_config_yes=true npm_config_unsafe_perm=true npm_config_dangerously_allow_all_scripts=true
# shellcheck source=node-headers.sh
. "$ROOT/scripts/node-headers.sh"
npm install --prefix "$DEST" --no-audit --no-fund "code-server@$VERSION"
test -f "$ENTRY"
touch "$DEST/.installed-$VERSION"
echo "code-server $VERSION installed in $DEST"
