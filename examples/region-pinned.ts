/**
 * Region-pinned cells: an EU cell in West Europe (inside the EU Data Boundary) and a US cell in East US 2, each with
 * its own data that never leaves its residency; Front Door sends each country to its cell.
 *
 * Choose it when orders must stay in the customer's jurisdiction (GDPR, EU Data Boundary commitments, national
 * rules), and losing a cell's region may stop that cell until the region returns.
 *
 * What it costs: two independent cells, each one region: an AKS cluster (Standard tier, pools over zones 1-3), a Key
 * Vault, a zone-redundant PostgreSQL flexible server (General Purpose, zone-redundant HA), a Cosmos DB account and a
 * Service Bus Premium namespace; one Front Door Premium profile with WAF in front of both. No standby region is paid
 * for.
 *
 * What fails over how: inside a cell, zone loss is absorbed by the zone-redundant services (AKS pools, PostgreSQL HA
 * standby in another zone, Cosmos DB and Service Bus zone redundancy). A cell's region loss stops that cell: by design
 * nothing replicates outside its residency and Front Door does not send its countries to the other cell
 * (`allowCrossCellFallback` is off). Backups stay inside the residency: geo-redundant where the region's pair lies
 * inside it (West Europe's is North Europe, East US 2's Central US), zone-redundant otherwise. The README's pattern
 * table has the details.
 *
 * Monitoring, in its own stack: the README's alerts for what this platform deploys, availability tests from 5
 * locations, a health workbook and a dashboard; log ingestion into each region's Log Analytics workspace is billed
 * by use (the README's "Availability, RTO and RPO" section prices the rest).
 *
 * Copy it as `main.ts` into your cdktf project and import from 'cdktf-order-platform' instead of '../lib': run as
 * the app, it synthesizes this platform on its own; or call `regionPinned(app)` from your main program. Stacks:
 * `region-pinned-data`, `region-pinned-westeurope`, `region-pinned-eastus2`, `region-pinned-westeurope-apps`,
 * `region-pinned-eastus2-apps`, `region-pinned-edge`, `region-pinned-observability`, `region-pinned-drills`.
 */
import { App } from 'cdktf';
import { Construct } from 'constructs';
import { DatabaseEngine, disableTokenStackTraces, EventTransport, MultiRegionOrderPlatform, MultiRegionOrderPlatformProps, RedundancyPattern } from '../lib';

export function regionPinned(scope: Construct, overrides: Partial<MultiRegionOrderPlatformProps> = {}): MultiRegionOrderPlatform {
  return new MultiRegionOrderPlatform(scope, 'region-pinned', {
    prefix: 'ordrp',
    // Every cell's data stays inside its declared residency; a region or a backup pair outside it is refused.
    pattern: RedundancyPattern.regionPinned({ residency: { westeurope: 'EU Data Boundary', eastus2: 'United States' } }),
    regions: ['westeurope', 'eastus2'],
    addressPlan: { addressSpace: '10.140.0.0/16' },
    kubernetes: { adminGroupObjectIds: ['00000000-0000-0000-0000-000000000000'] },
    database: {
      // One PostgreSQL server per cell: zone-redundant HA, no cross-region replica.
      engine: DatabaseEngine.postgresql({ version: '16', skuName: 'GP_Standard_D4ds_v5' }),
      administrator: { objectId: '00000000-0000-0000-0000-000000000000', name: 'sg-order-db-admins' },
    },
    // A Cosmos DB account per cell, in its own region only.
    trackingStore: {},
    // A Service Bus Premium namespace per cell, without a geo-DR alias (its pair would be another region's copy).
    eventBus: { transport: EventTransport.serviceBus() },
    workloads: {
      order: { image: 'contoso.azurecr.io/order-api:1.0.0' },
      tracking: { image: 'contoso.azurecr.io/tracking-api:1.0.0' },
    },
    entry: {
      // Front Door checks each service's TLS certificate against these names (replace with yours).
      frontDoor: { originHostHeaders: { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' } },
      // Each country set goes to its cell (by the client's address); countries not listed are refused by the WAF.
      geoRouting: {
        countries: {
          westeurope: ['AT', 'BE', 'DE', 'DK', 'ES', 'FI', 'FR', 'IE', 'IT', 'NL', 'NO', 'PL', 'PT', 'SE'],
          eastus2: ['US', 'CA'],
        },
        rejectUnmappedCountries: true,
      },
    },
    // Failover drills (Chaos Studio experiments, started by hand or by a pipeline) in the -drills stack.
    drills: {},
    // Alerts and availability tests in the -observability stack; replace the contact with your on-call channel.
    observability: {
      contacts: { emails: ['oncall@contoso.com'] },
      // Front Door refuses the unmapped countries, so the tests run from mapped ones only: East US, West US and North
      // Central US; West Europe (Amsterdam), North Europe (Dublin) and France Central (Paris).
      availabilityTests: { testLocations: ['us-va-ash-azr', 'us-ca-sjc-azr', 'us-il-ch1-azr', 'emea-nl-ams-azr', 'emea-gb-db3-azr', 'emea-fr-pra-edge'] },
    },
    tags: { environment: 'example', 'cost-center': 'orders' },
    // Tests (and you) can vary any prop of the template: e.g. the next release step.
    ...overrides,
  });
}

// Run as a program, this file is a cdktf app of its own: cdktf synth --app "node dist/examples/region-pinned.js".
if (require.main === module) {
  disableTokenStackTraces();
  const app = new App();
  regionPinned(app);
  app.synth();
}
