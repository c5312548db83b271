#!/usr/bin/env bash
# Brings a fresh machine to the point where `pnpm start` / `pnpm test` can run:
# the pinned pnpm, the workspace packages and, with --browser, Debian's Chromium;
# with --nginx, Debian's nginx (the load balancer of the cluster/chaos tests).
# Redis and the MongoDB-wire server are provided later by scripts/services/,
# which installs or builds them on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=false
want_nginx=false
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=true ;;
    --nginx) want_nginx=true ;;
    *) echo "bootstrap: unknown option $arg" >&2; exit 2 ;;
  esac
done

say() { printf '[bootstrap] %s\n' "$*"; }
fail() { printf '[bootstrap] ERROR: %s\n' "$*" >&2; exit 1; }

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
[ "$node_major" -ge 20 ] || fail "Node.js 20.19 or newer is required (found: $(node -v 2>/dev/null || echo none)). Install it from https://nodejs.org or your distribution."

pnpm_version=$(node -p 'require("./package.json").packageManager.split("@")[1]')
if [ "$(pnpm --version 2>/dev/null || true)" != "$pnpm_version" ]; then
  say "installing pnpm $pnpm_version with npm"
  npm install --global --no-fund --no-audit "pnpm@$pnpm_version" >/dev/null \
    || fail "could not install pnpm $pnpm_version: run 'npm install -g pnpm@$pnpm_version' (as root or with a user npm prefix)"
  hash -r
fi

# Re-install only when the lockfile or the workspace's settings changed since the last install.
stamp=node_modules/.switchboard-lock-stamp
if [ ! -f "$stamp" ] || ! cat pnpm-lock.yaml pnpm-workspace.yaml | cmp -s - "$stamp"; then
  say "installing workspace packages"
  if [ -n "${CI:-}" ]; then pnpm install --frozen-lockfile; else pnpm install; fi
  cat pnpm-lock.yaml pnpm-workspace.yaml >"$stamp"
fi

# Chromium for the browser tests, and a CJK font so Chinese text renders (and is checked) as text, not boxes.
browser_packages=()
command -v chromium >/dev/null 2>&1 || browser_packages+=(chromium)
fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk" || browser_packages+=(fonts-wqy-microhei)
if $want_browser && [ ${#browser_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian packages for browser tests: ${browser_packages[*]}"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${browser_packages[@]}" >/dev/null \
      || fail "apt-get install ${browser_packages[*]} failed"
  else
    fail "browser tests need: ${browser_packages[*]} — run 'sudo apt-get install ${browser_packages[*]}' (Debian/Ubuntu), or set CHROMIUM_PATH"
  fi
fi

# nginx for tests/cluster and tests/chaos: run by the tests in the foreground with
# their own config (never as a system service), so only the binary is needed.
if $want_nginx && [ ! -x /usr/sbin/nginx ] && ! command -v nginx >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian's nginx for the cluster tests"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null \
      || fail "apt-get install nginx failed"
  else
    fail "the cluster tests need nginx — run 'sudo apt-get install nginx' (Debian/Ubuntu)"
  fi
fi
