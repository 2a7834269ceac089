/**
 * The files `order-platform init` writes: a consumer project that installs, synthesizes and tests as written.
 *
 * Pure functions of {@link StarterOptions}, so tests compare them byte for byte with what the README shows and
 * synthesize the generated `main.ts` of every pattern.
 */
import { randomUUID } from 'crypto';
import { readFileSync } from 'fs';
import { dirname, join } from 'path';
import { PatternKind } from '../lib/core/pattern';

/** What a starter project is made of. */
export interface StarterOptions {
  /** npm package name of the new project. */
  readonly name: string;
  /** Redundancy pattern of the generated platform. */
  readonly pattern: PatternKind;
  /** Regions, first = primary / home. */
  readonly regions: readonly string[];
  /** Naming prefix of every Azure resource (2-12 lower-case letters and digits). */
  readonly prefix: string;
  /** How the project depends on this library (`^0.1.0`, `file:../cdktf-order-platform-0.1.0.tgz`, a git URL). */
  readonly library: string;
  /** `projectId` of `cdktf.json`. @default - a random UUID */
  readonly projectId?: string;
}

/** The library's own `package.json`, found from this file in the source tree (`cli/`) and in the package (`dist/cli/`). */
export interface LibraryManifest {
  readonly name: string;
  readonly version: string;
  readonly peerDependencies: { readonly [name: string]: string };
  readonly devDependencies: { readonly [name: string]: string };
}

export function libraryManifest(): LibraryManifest {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as LibraryManifest;
      if (manifest.name === 'cdktf-order-platform') return manifest;
    } catch {
      // no package.json here: keep walking up
    }
    if (dirname(dir) === dir) throw new Error(`order-platform: cannot find the cdktf-order-platform package.json above ${__dirname}`);
  }
}

/** Regions a starter uses when `--regions` is not given (zonal regions, paired where the pattern has two). */
export const DEFAULT_REGIONS: { readonly [kind in PatternKind]: readonly string[] } = {
  [PatternKind.ZONE_REDUNDANT]: ['westus3'],
  [PatternKind.PRIMARY_SECONDARY]: ['eastus2', 'centralus'],
  [PatternKind.ACTIVE_PASSIVE]: ['eastus2', 'centralus'],
  [PatternKind.ACTIVE_ACTIVE]: ['eastus2', 'centralus'],
  [PatternKind.REGION_PINNED]: ['germanywestcentral', 'japaneast'],
};

/**
 * The country (ISO 3166-1 alpha-2) each catalog region is in: a regionPinned starter routes that country to the region's
 * cell (Front Door geo-match), and every other country to the first cell.
 */
export const REGION_COUNTRY: { readonly [region: string]: string } = {
  australiacentral: 'AU', australiaeast: 'AU', australiasoutheast: 'AU', austriaeast: 'AT', belgiumcentral: 'BE', brazilsouth: 'BR',
  canadacentral: 'CA', canadaeast: 'CA', centralindia: 'IN', centralus: 'US', chilecentral: 'CL', denmarkeast: 'DK', eastasia: 'HK',
  eastus: 'US', eastus2: 'US', francecentral: 'FR', germanywestcentral: 'DE', indonesiacentral: 'ID', israelcentral: 'IL', italynorth: 'IT',
  japaneast: 'JP', japanwest: 'JP', koreacentral: 'KR', koreasouth: 'KR', malaysiawest: 'MY', mexicocentral: 'MX', newzealandnorth: 'NZ',
  northcentralus: 'US', northeurope: 'IE', norwayeast: 'NO', polandcentral: 'PL', qatarcentral: 'QA', southafricanorth: 'ZA',
  southcentralus: 'US', southeastasia: 'SG', southindia: 'IN', spaincentral: 'ES', swedencentral: 'SE', switzerlandnorth: 'CH',
  uaenorth: 'AE', uksouth: 'GB', ukwest: 'GB', westcentralus: 'US', westeurope: 'NL', westindia: 'IN', westus: 'US', westus2: 'US', westus3: 'US',
};

/** The platform's construct id in every starter: stacks are `orders-data`, `orders-<region>`, ... */
export const STARTER_PLATFORM_ID = 'orders';

/** Development tools the starter pins exactly: the versions this library is built and tested with. */
const PINNED_DEV_TOOLS = ['typescript', 'jest', '@swc/core', '@swc/jest', '@types/jest', '@types/node'];

const PATTERN_TEXT: { readonly [kind in PatternKind]: { readonly call: string; readonly summary: string } } = {
  [PatternKind.ZONE_REDUNDANT]: { call: 'RedundancyPattern.zoneRedundant()', summary: 'one region, every component spread over its availability zones' },
  [PatternKind.PRIMARY_SECONDARY]: { call: 'RedundancyPattern.primarySecondary()', summary: 'the first region writes, the second serves reads and takes over writes on failover' },
  [PatternKind.ACTIVE_PASSIVE]: { call: "RedundancyPattern.activePassive({ standby: 'warm' })", summary: 'the first region serves everything, the second waits warm and takes over on failover' },
  [PatternKind.ACTIVE_ACTIVE]: { call: 'RedundancyPattern.activeActive()', summary: 'every region serves traffic and writes its own orders' },
  [PatternKind.REGION_PINNED]: { call: 'RedundancyPattern.regionPinned()', summary: "independent cells, each keeping its data inside its region's geography" },
};

/** Every file of the starter, by path relative to the project directory. */
export function starterFiles(options: StarterOptions): { readonly [path: string]: string } {
  const manifest = libraryManifest();
  return {
    'package.json': packageJson(options, manifest),
    'cdktf.json': cdktfJson(options.projectId ?? randomUUID()),
    'tsconfig.json': TSCONFIG_JSON,
    'main.ts': mainTs(options, manifest),
    'main.test.ts': MAIN_TEST_TS,
    'jest.config.js': JEST_CONFIG_JS,
    'jest.setup.js': JEST_SETUP_JS,
    '.gitignore': GITIGNORE,
    'README.md': readme(options, manifest),
  };
}

/**
 * The app command `cdktf.json` runs: `tsc` (a type error stops it before anything is synthesized), then the compiled
 * app. The fastest of the commands that always type-check, measured in the library's README (Benchmark): ts-node and
 * `npx tsc` are slower, and `tsc -b`, faster, skips the check while main.ts is unchanged even after a dependency upgrade.
 */
export const STARTER_APP_COMMAND = 'node node_modules/typescript/bin/tsc && node dist/main.js';

function packageJson(options: StarterOptions, manifest: LibraryManifest): string {
  const dev = manifest.devDependencies;
  const pkg = {
    name: options.name,
    version: '0.1.0',
    private: true,
    description: `Online-ordering platform on Azure (${options.pattern}), made with cdktf-order-platform`,
    scripts: {
      build: 'tsc',
      synth: 'cdktf synth',
      test: 'tsc && jest',
    },
    engines: { node: '>=20' },
    dependencies: {
      'cdktf-order-platform': options.library,
      ...manifest.peerDependencies,
    },
    devDependencies: {
      // The CLI that runs `cdktf synth` / `deploy`, at the version of the cdktf library it drives.
      'cdktf-cli': dev.cdktf,
      ...Object.fromEntries(PINNED_DEV_TOOLS.map((name) => [name, dev[name]])),
    },
  };
  for (const name of PINNED_DEV_TOOLS) {
    if (!dev[name]) throw new Error(`order-platform: the library's package.json pins no ${name}`);
  }
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function cdktfJson(projectId: string): string {
  return `${JSON.stringify({
    language: 'typescript',
    app: STARTER_APP_COMMAND,
    output: 'cdktf.out',
    codeMakerOutput: '.gen',
    projectId,
    sendCrashReports: 'false',
    terraformProviders: [],
    terraformModules: [],
    context: {},
  }, null, 2)}\n`;
}

/** `tsconfig.json` of a consumer project (the README's "Files a project needs" shows the same text). */
export const TSCONFIG_JSON = `${JSON.stringify({
  compilerOptions: {
    target: 'ES2022',
    module: 'commonjs',
    moduleResolution: 'node',
    lib: ['ES2022'],
    strict: true,
    noUnusedLocals: true,
    skipLibCheck: true,
    outDir: 'dist',
    rootDir: '.',
    noEmitOnError: true,
    incremental: true,
    tsBuildInfoFile: 'dist/.tsbuildinfo',
  },
  include: ['*.ts', '__tests__/**/*.ts'],
}, null, 2)}\n`;

function mainTs(options: StarterOptions, manifest: LibraryManifest): string {
  const pattern = PATTERN_TEXT[options.pattern];
  const engine = options.pattern === PatternKind.ACTIVE_PASSIVE ? "DatabaseEngine.postgresql({ version: '16' })" : 'DatabaseEngine.sql()';
  const regions = options.regions.map((r) => `'${r}'`).join(', ');
  const geoRouting = options.pattern === PatternKind.REGION_PINNED && options.regions.length > 1
    ? `
      // Each cell serves the country it is in; requests from anywhere else go to the first cell. List yours.
      geoRouting: { countries: { ${options.regions.map((r) => `${r}: ['${REGION_COUNTRY[r]}']`).join(', ')} } },`
    : '';
  return `/**
 * An online-ordering platform on Azure, ${options.pattern}: ${pattern.summary}.
 * Generated by \`order-platform init\` (cdktf-order-platform ${manifest.version}); edit it freely.
 *
 * \`cdktf synth\` runs this file (cdktf.json); \`main.test.ts\` builds the same platform in a test app.
 * Before a deploy, replace the placeholders: the Entra ID group object IDs, the container images, the host names and
 * the on-call email address.
 */
import { App } from 'cdktf';
import { Construct } from 'constructs';
import { DatabaseEngine, disableTokenStackTraces, MultiRegionOrderPlatform, PlatformBackend, RedundancyPattern } from 'cdktf-order-platform';

export function orderPlatform(scope: Construct): MultiRegionOrderPlatform {
  return new MultiRegionOrderPlatform(scope, '${STARTER_PLATFORM_ID}', {
    prefix: '${options.prefix}', // part of every Azure name: changing it later replaces every resource
    pattern: ${pattern.call},
    regions: [${regions}], // first = primary / home region
    // Entra ID group of the clusters' administrators.
    kubernetes: { adminGroupObjectIds: ['00000000-0000-0000-0000-000000000000'] },
    database: {
      engine: ${engine},
      // Entra ID group that administers the Order database.
      administrator: { objectId: '00000000-0000-0000-0000-000000000000', name: 'sg-order-db-admins' },
    },
    trackingStore: {},
    eventBus: {},
    // The services' images, pinned by tag (the -apps stacks wait until they run).
    workloads: {
      order: { image: 'contoso.azurecr.io/order-api:1.0.0' },
      tracking: { image: 'contoso.azurecr.io/tracking-api:1.0.0' },
    },
    // Front Door checks each service's TLS certificate against these names.
    entry: {
      frontDoor: { originHostHeaders: { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' } },${geoRouting}
    },
    // Alerts and availability tests (the -observability stack): who is notified. Replace with your on-call channel.
    observability: { contacts: { emails: ['oncall@contoso.com'] } },
    // State in terraform.<stack>.tfstate beside this file, on this machine. For a team, keep it in Azure Storage:
    // PlatformBackend.azurerm({ resourceGroupName: 'rg-tfstate', storageAccountName: '<account>' })
    backend: PlatformBackend.local(),
  });
}

// Run as the cdktf app; a test that imports orderPlatform does not synthesize.
if (require.main === module) {
  disableTokenStackTraces(); // faster synth, byte-identical output
  const app = new App();
  orderPlatform(app);
  app.synth();
}
`;
}

const MAIN_TEST_TS = `import 'cdktf/lib/testing/adapters/jest'; // the types of cdktf's matchers (jest.setup.js installs them)
import { TerraformStack, Testing } from 'cdktf';
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { orderPlatform } from './main';

// One synth for the whole file: every test reads the same Terraform JSON.
const platform = orderPlatform(Testing.app());
const stacks: TerraformStack[] = [
  platform.dataStack,
  ...Object.values(platform.regionStacks),
  ...Object.values(platform.appsStacks),
  ...(platform.edgeStack ? [platform.edgeStack] : []),
];
const synthesized = new Map(stacks.map((stack) => [stack.node.id, Testing.synth(stack, true)]));

test('every region runs AKS with Entra ID only (no local accounts)', () => {
  const regions = Object.values(platform.regionStacks);
  expect(regions.length).toBeGreaterThan(0);
  for (const stack of regions) {
    expect(synthesized.get(stack.node.id)).toHaveResourceWithProperties(KubernetesCluster, { local_account_disabled: true });
  }
});

test.each([...synthesized.keys()])('%s matches its snapshot (review a changed name or address before you accept it)', (id) => {
  expect(JSON.parse(synthesized.get(id)!)).toMatchSnapshot();
});
`;

const JEST_CONFIG_JS = `/** Jest: TypeScript through swc (\`npm test\` type-checks with tsc first), cdktf's matchers, faster synth. */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/cdktf.out/'],
  transform: {
    '^.+\\\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  setupFilesAfterEnv: ['<rootDir>/jest.setup.js'],
};
`;

const JEST_SETUP_JS = `// cdktf's Testing matchers (toHaveResourceWithProperties, ...), and token stack traces off (several times faster
// synth, byte-identical output).
require('cdktf').Testing.setupJest();
require('cdktf-order-platform').disableTokenStackTraces();
`;

const GITIGNORE = `node_modules/
dist/
cdktf.out/
.gen/
.terraform/
*.tfstate
*.tfstate.*
`;

function readme(options: StarterOptions, manifest: LibraryManifest): string {
  const id = STARTER_PLATFORM_ID;
  const stacks = [`${id}-data`, ...options.regions.map((r) => `${id}-${r}`), ...options.regions.map((r) => `${id}-${r}-apps`), `${id}-edge`, `${id}-observability`];
  return `# ${options.name}

An online-ordering platform on Azure (${options.pattern}), made with cdktf-order-platform (its README has every
option): \`main.ts\` describes it, \`cdktf synth\` turns it into Terraform JSON under \`cdktf.out/stacks/\`.

\`\`\`bash
npm install
npx cdktf synth        # type-checks (tsc), then writes one folder per stack
npm test               # type-checks, then jest: cdktf's matchers and one snapshot per stack
\`\`\`

Stacks: ${stacks.map((s) => `\`${s}\``).join(', ')}.

## Before the first deploy
- Replace the placeholders in \`main.ts\`: the Entra ID group object IDs, the on-call email address, the services' host names and the container
  images. The \`-apps\` stacks wait until the pods run, so each image must: serve HTTPS on its container port with a
  certificate for its host name, answer \`/healthz/ready\`, \`/healthz/live\` and \`/healthz/startup\`, run as a
  non-root user (UID above 10000) on a read-only root filesystem, and contain \`/bin/sh\` (the preStop pause). A
  private Azure Container Registry needs \`kubernetes.containerRegistries\` so the nodes may pull from it. The
  library's README ("The services") has the whole contract.
- Sign in: \`az login\` (or \`ARM_*\` variables for a service principal or OIDC) and
  \`export ARM_SUBSCRIPTION_ID=<subscription id>\`; install [kubelogin](https://azure.github.io/kubelogin/).
- \`export CHECKPOINT_DISABLE=1\` (the cdktf CLI otherwise calls HashiCorp's telemetry endpoint).

## Deploy order
\`npx cdktf deploy '${id}-*'\` orders the stacks by their references: \`${id}-data\` first, then each region stack,
then each \`-apps\` stack, then \`${id}-edge\`, then \`${id}-observability\` (alerts and availability tests;
\`npx cdktf diff <stack>\` shows one stack's plan). On a first deploy
the cluster-admin role takes a few minutes to reach AKS: an \`-apps\` stack that fails with \`403 Forbidden\`
succeeds when applied again.

## After the first deploy
- Front Door reaches each region through Private Link, and someone must approve the connections it opened (azurerm
  cannot). The edge stack's \`PrivateLinkServicesToApprove\` output lists the Private Link Service IDs:

  \`\`\`bash
  for pls in $(terraform -chdir=cdktf.out/stacks/${id}-edge output -json PrivateLinkServicesToApprove | jq -r '.[]'); do
    for conn in $(az network private-endpoint-connection list --id "$pls" \\
        --query "[?properties.privateLinkServiceConnectionState.status=='Pending'].id" -o tsv); do
      az network private-endpoint-connection approve --id "$conn" --description "Front Door"
    done
  done
  \`\`\`

  Until then Front Door answers 503.
- The Order service logs in to its database as its managed identity, which azurerm cannot create inside the
  database: an administrator of the database's Entra ID group runs \`CREATE USER [<identity name>] FROM EXTERNAL
  PROVIDER\` and the role grants (SQL), or \`pgaadauth_create_principal\` and grants (PostgreSQL), as the library's
  README says.

## Why TypeScript 5.9
\`typescript\` is pinned to ${manifest.devDependencies.typescript}: TypeScript 7 (npm's \`latest\`) is a native compiler without the JavaScript API
that ts-node, ts-jest and most tooling load. \`cdktf.json\` runs \`${STARTER_APP_COMMAND}\`: tsc stops on a
type error before anything is synthesized, and it is faster than cdktf's default \`npx ts-node main.ts\`.

## State
\`PlatformBackend.local()\` keeps each stack's state in \`terraform.<stack>.tfstate\` in this directory: cdktf writes
that absolute path into every stack, so synthesize and deploy on the same machine, and never commit state. For a
team, switch to \`PlatformBackend.azurerm({...})\`.
`;
}
