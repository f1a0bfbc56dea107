#!/usr/bin/env bash
# Installs a real n8n (the version our end-to-end tests and demo use) once into .cache/n8n-<version>, and
# reuses it afterwards. See ../shared/n8n/REAL-N8N.md for why each step is there.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/node-env.sh
source "$root/scripts/node-env.sh"

N8N_VERSION=${N8N_VERSION:-2.41.1}
dir="$root/.cache/n8n-$N8N_VERSION"
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
npm_config_nodedir="${SECTIGO_NODE_HOME:-}" npm install --prefix "$dir" --ignore-scripts --no-audit --no-fund \
	--loglevel=error --progress=true >&2
npm_config_nodedir="${SECTIGO_NODE_HOME:-}" npm rebuild --prefix "$dir" --build-from-source sqlite3 >&2
npm_config_nodedir="${SECTIGO_NODE_HOME:-}" npm rebuild --prefix "$dir" isolated-vm >&2
date -u +%FT%TZ > "$stamp"
echo "install-n8n: done in $(($(date +%s) - started)) s" >&2
echo "$dir"
