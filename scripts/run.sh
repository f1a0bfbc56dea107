#!/usr/bin/env bash
# ./scripts/run.sh <npm script> [args]: the one entry point. Makes sure Node >= 22 is there (see node-env.sh),
# installs the project's packages when package-lock.json changed, then runs the npm script.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/node-env.sh
source "$root/scripts/node-env.sh"
cd "$root"

stamp=node_modules/.package-lock.stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
	echo "run: installing packages with Node $(node --version)" >&2
	npm_config_nodedir="${SECTIGO_NODE_HOME:-}" npm ci --no-audit --no-fund --loglevel=error >&2
	cp package-lock.json "$stamp"
fi

exec npm run --silent "$@"
