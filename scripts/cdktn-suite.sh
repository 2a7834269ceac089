#!/usr/bin/env bash
# The whole suite (npm test: lint, type-check, jest) with cdktf replaced by CDK Terrain, its community continuation,
# installed the way the README documents for consumers: "cdktf": "npm:cdktn@<version>" plus an npm override, so the
# providers' peer dependency on cdktf resolves to it without --legacy-peer-deps.
#
# Runs in a copy of the repository outside it. The copy's package.json is rewritten for the install only and restored
# (with the committed package-lock.json) before the tests, so the suite checks the manifest and lockfile as committed
# while every import of 'cdktf' loads cdktn. Prints jest's output; exits with npm test's status.
#
# The install is `npm ci` from scripts/cdktn-package-lock.json: the committed lockfile with only cdktf (-> cdktn) and
# constructs changed, so every other package is the version the main install uses. Resolving afresh at CI time
# (npm install without a lockfile, as this script once did) failed when the registry listed a package whose
# dependency it did not yet hold.
#
# Usage: bash scripts/cdktn-suite.sh           run the suite
#        bash scripts/cdktn-suite.sh --lock    rewrite scripts/cdktn-package-lock.json from package.json and
#                                              package-lock.json (after a dependency change; npm run lock does both)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
version=0.24.0      # cdktn 0.24 needs constructs >=10.6 <10.8
constructs=10.7.2   # inside cdktn 0.24's peer range and our ^10.4.2
terrain_lock="$repo/scripts/cdktn-package-lock.json"
work=$(mktemp -d "${TMPDIR:-/tmp}/order-platform-cdktn.XXXXXX")
trap 'rm -rf "$work"' EXIT
export CHECKPOINT_DISABLE=1

# package.json as a consumer on CDK Terrain writes it (README, "CDK Terrain").
terrain_manifest() {
  node -e '
const fs = require("fs");
const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
pkg.devDependencies.cdktf = `npm:cdktn@${process.argv[1]}`;
pkg.devDependencies.constructs = process.argv[2];
pkg.overrides = { ...(pkg.overrides || {}), cdktf: "$cdktf" }; // the providers peer-depend on cdktf ^0.21.0
fs.writeFileSync("package.json", JSON.stringify(pkg, null, 2) + "\n");
' "$version" "$constructs"
}

case "${1:-}" in
  ""|--lock) ;;
  *) echo "usage: bash scripts/cdktn-suite.sh [--lock]   (the cdktn version is the script's, $version, and the lockfile's)" >&2; exit 2 ;;
esac

if [ "${1:-}" = "--lock" ]; then
  cp "$repo/package.json" "$repo/package-lock.json" "$work/"
  cd "$work"
  terrain_manifest
  # From the committed lockfile: npm keeps every locked version that still satisfies and resolves only what changed.
  npm install --package-lock-only --ignore-scripts --no-audit --no-fund
  node "$repo/scripts/complete-lockfile.js" package-lock.json
  cp package-lock.json "$terrain_lock"
  echo "wrote scripts/cdktn-package-lock.json"
  exit 0
fi

tar -C "$repo" --exclude=./node_modules --exclude=./dist --exclude=./cdktf.out --exclude=./.git -cf - . | tar -C "$work" -xf -
cd "$work"
cp package.json package.json.committed
cp package-lock.json package-lock.json.committed
terrain_manifest
cp "$terrain_lock" package-lock.json
# npm ci refuses a lockfile that does not match package.json; the fix is the --lock mode above.
npm ci --no-audit --no-fund || { echo "npm ci from scripts/cdktn-package-lock.json failed; if package.json changed, run: bash scripts/cdktn-suite.sh --lock"; exit 1; }
mv package.json.committed package.json
mv package-lock.json.committed package-lock.json
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
