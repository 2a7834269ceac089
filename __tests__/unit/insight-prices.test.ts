import { REGION_DATA } from '../../lib/core/region-data';
import { HOURS_PER_MONTH, LIST_PRICES, PRICES_AS_OF, VM_PRICE_TABLE } from '../../lib/insight/prices';
import { KARPENTER_COMMIT, parsePricing, SIZE, vmPrices } from '../../scripts/extract-vm-prices';

// The price list is data the cost estimate cites: each price must say what it is, where it is printed and when.

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})\b/;

describe('LIST_PRICES', () => {
  const prices = Object.values(LIST_PRICES);

  test('every price is positive, names its meter, unit and region, and cites a pinned infracost output or a Microsoft Learn page', () => {
    expect(prices.length).toBeGreaterThanOrEqual(20);
    for (const p of prices) {
      expect(p.usd).toBeGreaterThan(0);
      expect(p.meter.length).toBeGreaterThan(10);
      expect(p.unit.length).toBeGreaterThan(1);
      expect(p.region.length).toBeGreaterThan(3);
      expect(p.source).toMatch(/^https:\/\/(github\.com\/infracost\/infracost\/blob\/[0-9a-f]{40}\/\S+\.golden|learn\.microsoft\.com\/azure\/\S+)$/);
      expect(p.quoted).toMatch(/\$\d/);
    }
  });

  test('every source date is a real date no later than the list, which is no later than today', () => {
    expect(PRICES_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${PRICES_AS_OF}T00:00:00Z`).toISOString().slice(0, 10)).toBe(PRICES_AS_OF);
    expect(Date.parse(PRICES_AS_OF)).toBeLessThanOrEqual(Date.now());
    for (const p of prices) {
      const seen = ISO_DATE.exec(p.seen)?.[1];
      expect(seen).toBeDefined();
      expect(new Date(`${seen}T00:00:00Z`).toISOString().slice(0, 10)).toBe(seen);
      expect(Date.parse(seen!)).toBeLessThanOrEqual(Date.parse(PRICES_AS_OF));
    }
  });

  test('the meters billed by use are marked, the monthly ones are not', () => {
    const byUse = Object.entries(LIST_PRICES).filter(([, p]) => 'usage' in p && p.usage).map(([k]) => k);
    expect(byUse.sort()).toEqual(['cosmosStorage', 'eventGridOperations', 'frontDoorEgress', 'frontDoorRequests', 'keyVaultOperations', 'logAnalyticsIngestion', 'privateEndpointData', 'trafficManagerQueries']);
    expect(HOURS_PER_MONTH).toBe(730);
  });
});

describe('VM_PRICE_TABLE', () => {
  test('comes from the pinned Karpenter table, generated on a real date before the list was compiled', () => {
    expect(VM_PRICE_TABLE.source).toBe(`https://github.com/Azure/karpenter-provider-azure/blob/${KARPENTER_COMMIT}/pkg/providers/pricing/zz_generated.pricing.go`);
    expect(Date.parse(VM_PRICE_TABLE.generatedAt)).toBeLessThanOrEqual(Date.parse(PRICES_AS_OF));
  });

  test('prices the default node size in every region of the catalog but two the table does not have yet', () => {
    const missing = REGION_DATA.filter((r) => VM_PRICE_TABLE.prices[r.name]?.Standard_D4ds_v5 === undefined).map((r) => r.name);
    expect(missing).toEqual(['belgiumcentral', 'denmarkeast']);
    expect(Object.keys(VM_PRICE_TABLE.prices).every((region) => REGION_DATA.some((r) => r.name === region))).toBe(true);
  });

  test('holds Linux prices: within a family, the price per vCPU is the same for every size in every region', () => {
    let families = 0;
    for (const [region, sizes] of Object.entries(VM_PRICE_TABLE.prices)) {
      const perVcpu = new Map<string, number[]>();
      for (const [size, hourly] of Object.entries(sizes)) {
        expect(size).toMatch(SIZE);
        const [, family, count, suffix] = /^Standard_([DE])(\d+)(d?s)_v5$/.exec(size)!;
        perVcpu.set(`${family}${suffix}`, [...(perVcpu.get(`${family}${suffix}`) ?? []), hourly / Number(count)]);
      }
      for (const [family, values] of perVcpu) {
        families++;
        expect({ region, family, spread: Math.max(...values) - Math.min(...values) < 0.0006 }).toEqual({ region, family, spread: true });
      }
    }
    expect(families).toBeGreaterThan(100);
  });
});

describe('extract-vm-prices', () => {
  const GO = [
    '// generated at 2026-06-18T03:43:41Z',
    'func init() {',
    '\t// eastus',
    '\tinitialOnDemandPrices["eastus"] = map[string]float64{',
    '\t\t"Standard_D2ds_v5":                      0.113000,',
    '\t\t"Standard_D2as_v5":                      0.178000,',
    '\t\t"Standard_E4s_v5":                       0.252000,',
    '\t\t"Standard_D3_v2":                        0.229000,',
    '\t}',
    '\t// marsnorth',
    '\tinitialOnDemandPrices["marsnorth"] = map[string]float64{',
    '\t\t"Standard_D2ds_v5":                      9.000000,',
    '\t}',
    '}',
  ].join('\n');

  test('parsePricing reads every region and size', () => {
    const parsed = parsePricing(GO);
    expect([...parsed.keys()]).toEqual(['eastus', 'marsnorth']);
    expect(Object.fromEntries(parsed.get('eastus')!)).toEqual({ Standard_D2ds_v5: 0.113, Standard_D2as_v5: 0.178, Standard_E4s_v5: 0.252, Standard_D3_v2: 0.229 });
  });

  test('vmPrices keeps the Intel D and E v5 sizes of the catalog\'s regions, sorted, with the source and date', () => {
    expect(vmPrices(GO)).toEqual({
      source: `https://github.com/Azure/karpenter-provider-azure/blob/${KARPENTER_COMMIT}/pkg/providers/pricing/zz_generated.pricing.go`,
      generatedAt: '2026-06-18T03:43:41Z',
      prices: { eastus: { Standard_D2ds_v5: 0.113, Standard_E4s_v5: 0.252 } },
    });
    expect(() => vmPrices(GO.replace(/^\/\/ generated at .*$/m, ''))).toThrow('no "// generated at" line');
  });
});
