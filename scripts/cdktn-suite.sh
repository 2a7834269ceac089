#!/usr/bin/env bash
# The whole suite (npm test: lint, type-check, jest) with cdktf replaced by CDK Terrain, its community continuation,
# installed the way the README documents for consumers: "cdktf": "npm:cdktn@<version>" plus an npm override, so the
# providers' peer dependency on cdktf resolves to it without --legacy-peer-deps.
#
# Runs in a copy of the repository outside it. The copy's package.json is rewritten for the install only and restored
# before the tests, so the suite checks the manifest and lockfile as committed while every import of 'cdktf' loads
# cdktn. Prints jest's output; exits with npm test's status.
#
# Usage: bash scripts/cdktn-suite.sh [cdktn version]   (default 0.24.0; cdktn 0.24 needs constructs >=10.6 <10.8)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
version=${1:-0.24.0}
work=$(mktemp -d "${TMPDIR:-/tmp}/order-platform-cdktn.XXXXXX")
trap 'rm -rf "$work"' EXIT
export CHECKPOINT_DISABLE=1

tar -C "$repo" --exclude=./node_modules --exclude=./dist --exclude=./cdktf.out --exclude=./.git -cf - . | tar -C "$work" -xf -
cd "$work"
cp package.json package.json.committed
node -e '
const fs = require("fs");
const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
pkg.devDependencies.cdktf = `npm:cdktn@${process.argv[1]}`;
pkg.devDependencies.constructs = "10.7.2";           // inside cdktn 0.24 peer range and our ^10.4.2
pkg.overrides = { ...(pkg.overrides || {}), cdktf: "$cdktf" }; // the providers peer-depend on cdktf ^0.21.0
fs.writeFileSync("package.json", JSON.stringify(pkg, null, 2) + "\n");
' "$version"
# No lockfile: the committed one pins cdktf itself. npm's prepare step builds dist/ against cdktn.
npm install --no-package-lock --no-audit --no-fund
mv package.json.committed package.json
node -e '
const v = require("cdktf/package.json");
if (v.name !== "cdktn") { console.error(`cdktf resolves to ${v.name}@${v.version}, not cdktn`); process.exit(1); }
for (const p of ["@cdktf/provider-azurerm", "@cdktf/provider-kubernetes"]) {
  const resolved = require.resolve("cdktf/package.json", { paths: [require.resolve(`${p}/package.json`)] });
  if (require(resolved).name !== "cdktn") { console.error(`${p} loads ${resolved}, not cdktn`); process.exit(1); }
}
console.log(`cdktf -> ${v.name}@${v.version}, constructs@${require("constructs/package.json").version}; both providers load it`);
'
npm test
