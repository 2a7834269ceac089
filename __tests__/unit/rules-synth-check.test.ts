import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App } from 'cdktf';
import { Construct } from 'constructs';
import { ValidationError } from '../../lib/core/errors';
import { RemovalPolicy } from '../../lib/core/lifecycle';
import { RedundancyPattern } from '../../lib/core/pattern';
import { MultiRegionOrderPlatform } from '../../lib/platform/multi-region-order-platform';
import { MultiRegionOrderPlatformProps } from '../../lib/platform/multi-region-order-platform-types';

// The rule pack at synth time: MultiRegionOrderPlatform runs it on the final JSON of its stacks (escape hatches
// included), fails synth on errors, prints warnings and writes the report next to the stacks.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const BASE: MultiRegionOrderPlatformProps = { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'] };
let outdir: string;
let stderr: jest.SpyInstance;
beforeEach(() => {
  outdir = mkdtempSync(join(tmpdir(), 'rules-synth-'));
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  stderr.mockRestore();
  rmSync(outdir, { recursive: true, force: true });
});

/** A one-region platform on an app writing to `outdir`; `hatch` changes it after construction (an escape hatch). */
function build(props: Loose = {}, hatch: (p: MultiRegionOrderPlatform) => void = () => undefined): App {
  const app = new App({ outdir });
  hatch(new MultiRegionOrderPlatform(app, 'shop', { ...BASE, ...props }));
  return app;
}
const report = (): Loose => JSON.parse(readFileSync(join(outdir, 'order-platform', 'shop', 'rules.json'), 'utf8'));
const printed = (): string => stderr.mock.calls.map((c) => String(c[0])).join('');
const freeTier = (p: MultiRegionOrderPlatform) => p.stamps.westus3.cluster.addOverride('sku_tier', 'Free');
const manualUpgrades = (p: MultiRegionOrderPlatform) => p.stamps.westus3.cluster.addOverride('automatic_upgrade_channel', 'none');

describe('rule checks at synth time', () => {
  test('a compliant platform synthesizes quietly and writes its report next to the stacks', () => {
    build().synth();
    expect(report()).toMatchObject({ stacks: ['shop-data', 'shop-westus3', 'shop-observability'], findings: [], suppressed: [], unusedSuppressions: [] });
    expect(report().resources).toBeGreaterThan(30);
    expect(readFileSync(join(outdir, 'order-platform', 'shop', 'rules.md'), 'utf8')).toContain('## Findings\n\nNone.');
    expect(printed()).toBe('');
    // The availability report goes next to it (a platform without workloads counts its clusters as the compute).
    expect(readFileSync(join(outdir, 'order-platform', 'shop', 'availability.md'), 'utf8')).toMatch(/^# Availability report: shop\n\nPattern `zoneRedundant`; regions westus3 \(primary\)\.\n/);
    expect(JSON.parse(readFileSync(join(outdir, 'order-platform', 'shop', 'availability.json'), 'utf8')).flows.map((f: Loose) => f.formula)[0]).toBe('AKS westus3 99.95% = 99.95%');
    expect(readFileSync(join(outdir, 'order-platform', 'shop', 'diagram.svg'), 'utf8')).toMatch(/^<svg [\s\S]*>westus3 \(primary\)<\/text>/);
    expect(readFileSync(join(outdir, 'order-platform', 'shop', 'diagram.mmd'), 'utf8')).toMatch(/^flowchart TB\n/);
    expect(readFileSync(join(outdir, 'order-platform', 'shop', 'runbook.md'), 'utf8')).toMatch(/^# Failover runbook: shop\n[\s\S]*az aks show --resource-group shop-rg-westus3-[0-9a-f]{6} --name shop-aks-westus3-[0-9a-f]{6}/);
  });

  test('without observability the report covers the other stacks', () => {
    build({ observability: { enabled: false } }).synth();
    expect(report().stacks).toEqual(['shop-data', 'shop-westus3']);
  });

  test('a warning is printed and synth goes on', () => {
    build({}, manualUpgrades).synth();
    expect(report().findings.map((f: Loose) => `${f.severity} ${f.ruleId} ${f.stack}`)).toEqual(['warning OP-AKS-008 shop-westus3']);
    expect(printed()).toMatch(/^shop: order-platform rules: \d+ rules on \d+ resources of 3 stack\(s\): 0 error\(s\), 1 warning\(s\), 0 suppressed\n {2}WARN {2}OP-AKS-008 shop-westus3\/azurerm_kubernetes_cluster\.Stamp_Cluster_[0-9A-F]{8}: automatic_upgrade_channel is "none"/);
  });

  test('an escape hatch that breaks a rule fails synth with the report', () => {
    expect(() => build({}, freeTier).synth()).toThrow(/shop: order-platform rules: .*1 error\(s\), 0 warning\(s\), 0 suppressed\n.*ERROR OP-AKS-003 shop-westus3\/azurerm_kubernetes_cluster\.Stamp_Cluster_[0-9A-F]{8}: sku_tier is "Free"; expected "Standard" or "Premium"\n.*\(checkov: CKV_AZURE_170\)\n.*Fix each error, or suppress it with a reason/s);
    expect(report().findings.map((f: Loose) => f.ruleId)).toEqual(['OP-AKS-003']);
  });

  test('suppressions with their reasons let synth pass; the report lists them and an unused one', () => {
    const suppressions = [
      { ruleId: 'OP-AKS-003', resource: 'shop-westus3/Stamp/Cluster', reason: 'development cluster, no SLA needed' },
      { ruleId: 'OP-AKS-008', resource: 'shop-westus3/Stamp/Cluster', reason: 'upgrades are run by the release pipeline' },
      { ruleId: 'OP-KV-001', resource: 'shop-westus3/Stamp/KeyVault', reason: 'kept from an earlier finding' },
    ];
    build({ checks: { suppressions } }, (p) => { freeTier(p); manualUpgrades(p); }).synth();
    expect(report().findings).toEqual([]);
    expect(report().suppressed.map((f: Loose) => [f.ruleId, f.reason])).toEqual([['OP-AKS-003', 'development cluster, no SLA needed'], ['OP-AKS-008', 'upgrades are run by the release pipeline']]);
    expect(report().unusedSuppressions).toEqual([suppressions[2]]);
    expect(printed()).toContain('SUPPRESSED OP-AKS-003 shop-westus3/azurerm_kubernetes_cluster.');
    expect(printed()).toContain('UNUSED SUPPRESSION OP-KV-001 shop-westus3/Stamp/KeyVault');
  });

  test('RemovalPolicy.DESTROY chosen in the props: the unprotected resources are reported as suppressed with that reason, synth goes on', () => {
    build({ keyVault: { removalPolicy: RemovalPolicy.DESTROY }, monitoring: { removalPolicy: RemovalPolicy.DESTROY } }).synth();
    expect(report().findings).toEqual([]);
    expect(report().suppressed.map((f: Loose) => `${f.ruleId} ${f.address.split('.')[0]} ${f.reason}`).sort()).toEqual([
      'OP-PLT-001 azurerm_key_vault removalPolicy is RemovalPolicy.DESTROY',
      'OP-PLT-001 azurerm_log_analytics_workspace removalPolicy is RemovalPolicy.DESTROY',
    ]);
    // The choice travels in the JSON (a Terraform comment), so `order-platform check` on the folder sees it too.
    const stamp = JSON.parse(readFileSync(join(outdir, 'stacks', 'shop-westus3', 'cdk.tf.json'), 'utf8'));
    expect(Object.values<Loose>(stamp.resource.azurerm_key_vault)[0]['//'].acceptedFindings).toEqual([{ ruleId: 'OP-PLT-001', reason: 'removalPolicy is RemovalPolicy.DESTROY' }]);
  });

  test('without RemovalPolicy.DESTROY, an escape hatch that drops prevent_destroy is an error', () => {
    expect(() => build({}, (p) => p.stamps.westus3.keyVault.addOverride('lifecycle.prevent_destroy', false)).synth()).toThrow(/ERROR OP-PLT-001 shop-westus3\/azurerm_key_vault\./);
  });

  test('checks.enabled false runs no rule and writes no rule report (the availability report still comes)', () => {
    build({ checks: { enabled: false } }, freeTier).synth();
    expect(existsSync(join(outdir, 'order-platform', 'shop', 'rules.md'))).toBe(false);
    expect(existsSync(join(outdir, 'order-platform', 'shop', 'rules.json'))).toBe(false);
    expect(existsSync(join(outdir, 'order-platform', 'shop', 'availability.md'))).toBe(true);
    expect(printed()).toBe('');
  });

  test.each<[string, unknown, RegExp]>([
    ['a misspelt key', { supressions: [] }, /checks\.supressions/],
    ['enabled as a string', { enabled: 'no' }, /checks\.enabled/],
    ['an unknown rule id', { suppressions: [{ ruleId: 'OP-AKS-999', resource: 'a.b', reason: 'long enough reason' }] }, /shop: invalid checks\.suppressions\[0\]\.ruleId "OP-AKS-999": not a rule of the pack/],
    ['a suppression without a reason', { suppressions: [{ ruleId: 'OP-AKS-003', resource: 'a.b', reason: '' }] }, /checks\.suppressions\[0\]\.reason "": a suppression needs a written reason/],
  ])('%s is a ValidationError when the platform is built', (_label, checks, message) => {
    expect(() => build({ checks })).toThrow(ValidationError);
    expect(() => build({ checks })).toThrow(message);
  });

  test('outside a cdktf App (a plain construct tree) nothing is added', () => {
    const root = new Construct(undefined as unknown as Construct, '');
    expect(() => new MultiRegionOrderPlatform(root, 'shop', BASE)).not.toThrow();
    expect(root.node.validate()).toEqual([]);
  });
});
