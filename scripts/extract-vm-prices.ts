/**
 * Extracts the Linux pay-as-you-go hourly list prices (USD) of the AKS node sizes the cost estimate knows, for every
 * region of the catalog, and writes `lib/insight/vm-prices.json`.
 *
 *   npm run build && node dist/scripts/extract-vm-prices.js --karpenter <bare git mirror of Azure/karpenter-provider-azure>
 *
 * The source is the price table Azure's own Karpenter provider generates from the Azure Retail Prices API
 * (`pkg/providers/pricing/zz_generated.pricing.go`: `priceType eq 'Consumption'`, service `Virtual Machines`, products
 * ending in " Windows" skipped, so Linux on-demand prices), read at the fixed commit below with `git show`. The sizes
 * kept are the Intel D and E v5 families with premium storage (`Standard_D4s_v5`, `Standard_D4ds_v5`,
 * `Standard_E8s_v5`, `Standard_E8ds_v5`), which the node pool model knows; a size outside them is reported as not priced
 * rather than guessed. The AMD families (`as`, `ads`) are left out: in this file their prices are not linear in the vCPU
 * count (`Standard_D2as_v5` costs more per vCPU than `Standard_D4as_v5` in eastus), which a Linux price list is (Windows
 * prices appear to be mixed in), so they cannot be trusted.
 */
import { execFileSync } from 'child_process';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { REGION_DATA } from '../lib/core/region-data';

/** The commit of Azure/karpenter-provider-azure read, and the file. */
export const KARPENTER_COMMIT = '2b431da153a6a92b705c18046512c60b1631b682';
const FILE = 'pkg/providers/pricing/zz_generated.pricing.go';

/** The sizes kept: Intel D and E, v5, premium-storage variants (s, ds). */
export const SIZE = /^Standard_[DE]\d+d?s_v5$/;

/** Parses the generated Go file: `// <region>` then `"<size>": <price>,` lines, into region -> size -> USD per hour. */
export function parsePricing(go: string): Map<string, Map<string, number>> {
  const prices = new Map<string, Map<string, number>>();
  let region: Map<string, number> | undefined;
  for (const line of go.split('\n')) {
    const start = /^\tinitialOnDemandPrices\["([a-z0-9]+)"\] = map\[string\]float64\{$/.exec(line);
    if (start) {
      region = new Map();
      prices.set(start[1], region);
      continue;
    }
    const price = /^\t\t"([A-Za-z0-9_]+)":\s+([0-9.]+),$/.exec(line);
    if (price && region) region.set(price[1], Number(price[2]));
  }
  return prices;
}

/** The JSON written: the source, when it was generated, and region -> size -> USD per hour for the kept sizes. */
export function vmPrices(go: string): { source: string; generatedAt: string; prices: Record<string, Record<string, number>> } {
  const generatedAt = /^\/\/ generated at (\S+)$/m.exec(go)?.[1];
  if (!generatedAt) throw new Error(`${FILE}: no "// generated at" line`);
  const all = parsePricing(go);
  const prices: Record<string, Record<string, number>> = {};
  for (const { name } of REGION_DATA) {
    const region = all.get(name);
    if (!region) continue;
    prices[name] = Object.fromEntries([...region].filter(([size]) => SIZE.test(size)).sort(([a], [b]) => a.localeCompare(b)));
  }
  return { source: `https://github.com/Azure/karpenter-provider-azure/blob/${KARPENTER_COMMIT}/${FILE}`, generatedAt, prices };
}

if (require.main === module) {
  const at = process.argv.indexOf('--karpenter');
  const mirror = at >= 0 ? process.argv[at + 1] : undefined;
  if (!mirror) throw new Error('usage: node dist/scripts/extract-vm-prices.js --karpenter <bare git mirror of Azure/karpenter-provider-azure>');
  const go = execFileSync('git', ['-C', mirror, 'show', `${KARPENTER_COMMIT}:${FILE}`], { maxBuffer: 1 << 30 }).toString('utf8');
  const out = join(__dirname, '..', '..', 'lib', 'insight', 'vm-prices.json');
  const data = vmPrices(go);
  // One line per region: the file stays readable in a diff.
  const body = Object.entries(data.prices).map(([region, sizes]) => `    ${JSON.stringify(region)}: ${JSON.stringify(sizes)}`).join(',\n');
  writeFileSync(out, `{\n  "source": ${JSON.stringify(data.source)},\n  "generatedAt": ${JSON.stringify(data.generatedAt)},\n  "prices": {\n${body}\n  }\n}\n`);
  console.log(`${out}: ${Object.keys(data.prices).length} regions, ${Object.values(data.prices).reduce((n, s) => n + Object.keys(s).length, 0)} prices`);
}
