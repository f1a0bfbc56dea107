#!/usr/bin/env bash
# Installs a real n8n (the version our end-to-end tests and demo use) once into .cache/n8n-<version> (or
# $SECTIGO_N8N_CACHE/n8n-<version>), and reuses it afterwards. Each step says why it is there.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/node-env.sh
source "$root/scripts/node-env.sh"

# The version is package.json config.n8nVersion (the tests, the demo and the benchmark read it there too).
N8N_VERSION=${N8N_VERSION:-$(node -p "require('$root/package.json').config.n8nVersion")}
# Project-local by default; CI points SECTIGO_N8N_CACHE outside the clone so that runs on one machine share it.
dir="${SECTIGO_N8N_CACHE:-$root/.cache}/n8n-$N8N_VERSION"
stamp="$dir/.installed"
if [ -f "$stamp" ]; then
	echo "$dir"
	exit 0
fi

started=$(date +%s)
mkdir -p "$dir"
# n8n-nodes-base names a spreadsheet package by a URL outside the registry: pin the registry's copy.
cat > "$dir/package.json" <<JSON
{
  "name": "n8n-runtime",
  "private": true,
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": { "xlsx": "npm:xlsx@0.18.5" }
}
JSON
echo "install-n8n: installing n8n $N8N_VERSION into $dir (a few minutes, once)" >&2
# Install scripts are skipped (one native build downloads from outside); the native modules n8n needs
# are then rebuilt against this Node's headers.
# Progress that also shows in CI logs (npm's own bar needs a terminal): size on disk and time, every 10 s.
(
	while sleep 10; do
		size=$(du -sh "$dir/node_modules" 2>/dev/null | cut -f1 || true)
		echo "install-n8n: ${size:-0} of about 2.9G on disk, $(($(date +%s) - started)) s" >&2
	done
) &
progress=$!
trap 'kill $progress 2>/dev/null || true' EXIT
npm_config_nodedir="${SECTIGO_NODE_HOME:-}" npm install --prefix "$dir" --ignore-scripts --no-audit --no-fund \
	--loglevel=error >&2
kill $progress 2>/dev/null || true
npm_config_nodedir="${SECTIGO_NODE_HOME:-}" npm_config_build_from_source=true npm rebuild --prefix "$dir" sqlite3 >&2
npm_config_nodedir="${SECTIGO_NODE_HOME:-}" npm rebuild --prefix "$dir" isolated-vm >&2
date -u +%FT%TZ > "$stamp"
echo "install-n8n: done in $(($(date +%s) - started)) s" >&2
echo "$dir"
