#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/oidc-provider.sh BUILD_DIR
#
# Installs the npm package oidc-provider, a real OAuth 2.0 / OpenID Connect server,
# into BUILD_DIR/oidc/node_modules for tests/google/test-oidc-sign-in (never into the
# source tree). Version 9 needs the crypto.hash() of Node.js 20.12 and later; on an
# older Node, such as Debian 12's 18, version 8 serves the same test. Does nothing
# when the right version is already there.
set -euo pipefail

build=${1:?usage: $0 BUILD_DIR}
mkdir -p "$build/oidc"
dir=$(cd "$build/oidc" && pwd)

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "oidc-provider.sh: node and npm are needed (Debian: apt-get install nodejs npm)" >&2
  exit 1
fi

if node -e 'process.exit(typeof require("node:crypto").hash === "function" ? 0 : 1)'; then
  version=9.13.3
else
  version=8.8.1
fi

installed=$(node -e 'try { console.log(require(process.argv[1]).version) } catch { }' \
              "$dir/node_modules/oidc-provider/package.json")
if [ "$installed" = "$version" ]; then
  exit 0
fi

echo "oidc-provider.sh: installing oidc-provider $version into $dir" >&2
npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund \
  --loglevel=error "oidc-provider@$version" >&2
