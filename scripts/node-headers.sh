# Sourced by the install scripts: node-gyp builds native addons (node-pty, kerberos, re2, …)
# against the running Node's own headers when they are installed beside it (Debian,
# NodeSource: <prefix>/include/node) instead of downloading them, which fails offline and
# with a clean HOME.
if [ -z "${npm_config_nodedir:-}" ]; then
  node_prefix="$(node -p 'require("path").resolve(process.execPath, "..", "..")')"
  if [ -f "$node_prefix/include/node/common.gypi" ]; then
    export npm_config_nodedir="$node_prefix"
    echo "node-gyp uses the headers of Node $(node -v) in $node_prefix/include/node"
  fi
fi
