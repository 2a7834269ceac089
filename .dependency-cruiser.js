/**
 * dependency-cruiser: the module rules of the library (`npm run depcruise`, the first step of `npm test`).
 *
 * Layers of lib/ (README, "Development"): imports point only down, never within a row, and each rule below lists what
 * its folders may import (the data constructs, for one, reach stamps only through the data-tier base):
 *
 *   platform                      composes everything into stacks
 *   insight                       plan previews of two synths (the replacement facts, the serving capacity model)
 *   rules                         the rule pack, on synthesized Terraform JSON (reads the workloads' scheduling model)
 *   database  tracking  events    the data constructs, on the data-tier base
 *   data-tier  workloads  drills  build on a stamp (private endpoints into it; identities federated with its cluster; Chaos Studio targets)
 *   stamp  global-entry           regional infrastructure; the edge, which knows stamps only through the ingress contract
 *   common  monitoring            the contracts the blocks agree on; the monitoring sink
 *   core                          errors, validation, naming, regions, patterns, address plan, services
 *
 * lib/index.ts re-exports the public API and may import anything. Type-only imports count too
 * (`tsPreCompilationDeps`): a type-only cycle still ties two modules together, and a type moved the wrong way is the
 * first step of a value import.
 */

/** A rule that lets modules of `folder` (a folder of lib/, or an alternation of folders) import only from `allowed` folders and their own. */
function onlyFrom(name, folder, allowed, comment) {
  return {
    name,
    comment,
    severity: 'error',
    // $1 is the importing module's own folder (dependency-cruiser's group matching).
    from: { path: `^lib/(${folder})/` },
    to: { path: '^lib/', pathNot: `^lib/(${['$1', ...allowed].join('|')})/` },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import cycles (type-only ones included) make module load order matter and every module of the cycle change together: move what both sides need into a module below them.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    onlyFrom('core-depends-on-nothing', 'core', [],
      'core is the pure model every other layer builds on (errors, validation, naming, regions, patterns, address plan, services); an import from another lib/ folder would make core depend on what depends on it.'),
    onlyFrom('common-on-core-only', 'common', ['core'],
      'common/ holds the contracts the building blocks agree on (private DNS zones and endpoints, the regional ingress, the node pool model, the environment and exposure conventions); they must not know any block, or the blocks would be tied to each other through them.'),
    onlyFrom('monitoring-on-core-only', 'monitoring', ['core'],
      'monitoring is the sink every block reports to; it sits beside common/, just above core, so any block can use it.'),
    onlyFrom('stamp-on-lower-layers-only', 'stamp', ['core', 'common', 'monitoring'],
      'The regional stamp is the foundation of the building blocks: the data tier and the workloads build on it, so it cannot import them (it offers private endpoints and node pools through the common contracts).'),
    onlyFrom('global-entry-on-lower-layers-only', 'global-entry', ['core', 'common', 'monitoring'],
      'The global entry reaches the stamps only through the regional ingress contract and the workloads only through the exposure conventions, so it can be used on its own and changes to the stamp do not ripple to the edge.'),
    onlyFrom('data-tier-above-stamp', 'data-tier', ['core', 'common', 'monitoring', 'stamp'],
      'The data-tier base class connects data constructs to stamps (private endpoints) and creates monitoring sinks; it must not know the concrete data constructs built on it.'),
    onlyFrom('rules-on-models-only', 'rules', ['core', 'common', 'monitoring', 'workloads'],
      'The rule pack reads synthesized Terraform JSON, never constructs: it uses only the models below it (regions, the node pool and scheduling models, the diagnostics table), so it runs on any cdktf.out folder.'),
    onlyFrom('insight-on-the-synthesized-model', 'insight', ['core', 'rules'],
      'The insight tools (plan previews, reports) read synthesized Terraform JSON through the rule pack\'s model, never constructs, so they run on any cdktf.out folder.'),
    onlyFrom('workloads-above-stamp', 'workloads', ['core', 'common', 'monitoring', 'stamp'],
      "The workloads federate identities with a stamp's cluster and read its ingress; the data tier reaches them only through the environment contract the platform fills."),
    onlyFrom('drills-above-stamp', 'drills', ['core', 'common', 'monitoring', 'stamp'],
      'The failover drills target a stamp\'s cluster, network and Key Vault, and know the data tier only through the plain IDs the platform passes, so they never import the data constructs.'),
    onlyFrom('data-constructs-through-data-tier', '(database|tracking|events)', ['core', 'common', 'monitoring', 'data-tier'],
      'The database, tracking store and event bus reach stamps only through the data-tier base (connect) and the private DNS zone contract, and never import each other: each is usable on its own.'),
    {
      name: 'platform-is-the-top',
      comment: 'platform composes every building block into stacks; a block that imported it would depend on everything.',
      severity: 'error',
      from: { path: '^lib/', pathNot: ['^lib/platform/', '^lib/index\\.ts$'] },
      to: { path: '^lib/platform/' },
    },
    {
      name: 'no-import-of-the-barrel',
      comment: 'lib/index.ts is the public API for consumers; inside lib/ import the module itself, or the barrel drags every layer in (and a cycle with it).',
      severity: 'error',
      from: { path: '^lib/.+/' },
      to: { path: '^lib/index\\.ts$' },
    },
    {
      name: 'lib-not-to-outside',
      comment: 'The package ships lib/ alone (with cli/ as its command): tests, examples, stacks, scripts and the command may use the library, never the other way round.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(__tests__|examples|stacks|scripts|cli)/' },
    },
    {
      name: 'no-orphans',
      comment: 'A lib/ module nothing imports is dead code, or a public module lib/index.ts forgot to export.',
      severity: 'error',
      from: { orphan: true, path: '^lib/', pathNot: '^lib/index\\.ts$' },
      to: {},
    },
  ],
  options: {
    // Type-only imports (`import type`, types in `import { X }`) are dependencies too: TypeScript erases them, the
    // design does not.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    // Only our own modules matter here; packages are checked by npm, eslint (no provider barrels) and tsc.
    exclude: { path: '^node_modules/' },
  },
};
