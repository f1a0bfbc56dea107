#!/usr/bin/env bash
# Debian's Chromium for the browser test (Playwright's own browser download does not work here). Prints its path.
set -euo pipefail
if ! command -v chromium > /dev/null; then
	echo "install-chromium: installing Debian's chromium package" >&2
	apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
fi
command -v chromium
