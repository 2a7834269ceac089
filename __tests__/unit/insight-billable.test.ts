import { availabilityMarkdown, availabilityReport } from '../../lib/insight/availability';
import { billableUnits } from '../../lib/insight/billable';
import { readTopology } from '../../lib/insight/topology';
import { SynthesizedStack } from '../../lib/rules/synthesized';
import { exampleStacks } from '../support/examples';

// The billable units each example deploys, read from its synthesized stacks.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const stacksOf = (id: string): SynthesizedStack[] => Object.entries(exampleStacks(id)).map(([name, json]) => ({ name, json: json as Loose }));
const line = (id: string) => billableUnits(stacksOf(id), id).map((u) => `${u.item} | ${u.sku} | ${u.min}-${u.max}`);

describe('billableUnits', () => {
  test('primarySecondary: two Standard clusters with their pools at min and max, a zone-redundant SQL database and its geo-secondary, Cosmos DB, two Premium namespaces, Front Door Premium', () => {
    const units = line('primary-secondary');
    expect(units.filter((u) => u.startsWith('AKS'))).toEqual([
      'AKS cluster (uptime SLA) | Standard tier | 1-1', 'AKS nodes, system pool | Standard_D4ds_v5 | 3-5', 'AKS nodes, user pool | Standard_D4ds_v5 | 3-10',
      'AKS cluster (uptime SLA) | Standard tier | 1-1', 'AKS nodes, system pool | Standard_D4ds_v5 | 3-5', 'AKS nodes, user pool | Standard_D4ds_v5 | 3-10',
    ]);
    expect(units.filter((u) => u.startsWith('Azure SQL'))).toEqual(['Azure SQL vCores | GP_Gen5_2, zone-redundant | 2-2', 'Azure SQL vCores | GP_Gen5_2, zone-redundant | 2-2']);
    expect(units).toContain('Cosmos DB autoscale RU/s, per region | single write region | 500-5000');
    expect(units.filter((u) => u.startsWith('Service Bus'))).toEqual(['Service Bus messaging units | Premium | 1-1', 'Service Bus messaging units | Premium | 1-1']);
    expect(units).toContain('Front Door profile | Premium_AzureFrontDoor | 1-1');
    expect(units).toContain('Private endpoints | per hour | 12-12');
  });

  test('activePassive: the PostgreSQL primary counts its HA standby (twice the vCores), the replica runs without; storage in GiB; Event Grid topics', () => {
    const units = billableUnits(stacksOf('active-passive'), 'active-passive');
    expect(units.filter((u) => u.item === 'PostgreSQL vCores').map((u) => [u.sku, u.min, u.detail.endsWith('(replica)')])).toEqual([
      ['GP_Standard_D4ds_v5', 4, true], ['GP_Standard_D4ds_v5, with HA standby', 8, false],
    ]);
    expect(units.filter((u) => u.item === 'PostgreSQL storage (GiB)').map((u) => u.max)).toEqual([128, 128]);
    expect(units.find((u) => u.item === 'Event Grid topics')).toMatchObject({ min: 2, detail: 'centralus, eastus2' });
  });

  test('the availability report carries them and renders a table; without them there is no section', () => {
    const stacks = stacksOf('zone-redundant');
    const t = readTopology(stacks, 'zone-redundant');
    const md = availabilityMarkdown(availabilityReport(t, billableUnits(stacks, 'zone-redundant')));
    expect(md).toContain('## Billable units\n\nWhat the platform deploys, at the autoscalers\' minimum and maximum');
    expect(md).toContain('| AKS nodes, user pool | Standard_D4ds_v5 | 3 | 10 | westus3 |');
    expect(availabilityMarkdown(availabilityReport(t))).not.toContain('## Billable units');
  });
});
