# Sourced by scripts/start.sh and scripts/test.sh.

# node_modules from the lock file, when missing or older than package-lock.json.
ensure_node_modules() {
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "[keystone] Installing npm packages (npm ci)…"
    npm ci --no-audit --no-fund
  fi
}

# Node 24 LTS runs the unit and integration tiers (Node 20 is past its end of life). Where the machine's Node is
# another major, the npm registry's `node` package brings the official binary into .data/node-<version>/ (git-ignored),
# once; its install script fetches the binary as the npm package node-<os>-<arch>. The app, the build and the browser
# tests keep the machine's Node (package.json "engines"). Sets TEST_NODE.
TEST_NODE_VERSION=24.21.0
ensure_test_node() {
  TEST_NODE=node
  [[ $(node -p 'process.versions.node.split(".")[0]') == "${TEST_NODE_VERSION%%.*}" ]] && return 0
  local dir=.data/node-$TEST_NODE_VERSION
  TEST_NODE=$dir/node_modules/node/bin/node
  "$TEST_NODE" -v >/dev/null 2>&1 && return 0
  echo "[keystone] Installing Node $TEST_NODE_VERSION for the tests (npm package node@$TEST_NODE_VERSION)…" >&2
  mkdir -p "$dir"
  echo '{ "private": true, "allowScripts": { "node": true } }' >"$dir/package.json"
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "node@$TEST_NODE_VERSION" >&2
  "$TEST_NODE" -v >/dev/null
}

# Debian's Chromium and a CJK font for the browser tests. Playwright's own browser download cannot work on
# machines that reach only the npm registry and Debian's packages.
ensure_browser() {
  local need=()
  [[ -x /usr/bin/chromium ]] || need+=(chromium)
  fc-list 2>/dev/null | grep -qiE 'wqy|noto sans cjk' || need+=(fonts-wqy-microhei)
  ((${#need[@]})) || return 0
  echo "[keystone] Installing ${need[*]} with apt-get…"
  local sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}

# A Compose implementation to check docker-compose.yml with `config` (no Docker engine runs here).
ensure_compose() {
  docker compose version >/dev/null 2>&1 && return 0
  command -v docker-compose >/dev/null 2>&1 && return 0
  echo "[keystone] Installing docker-compose with apt-get (to validate docker-compose.yml)…"
  local sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
}
