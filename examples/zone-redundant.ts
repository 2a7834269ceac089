/**
 * Zone-redundant platform in one region: every component spread over availability zones 1-3.
 *
 * Choose it when one region is enough for your users and your recovery objectives accept waiting for a lost region
 * to return (or restoring elsewhere from geo-redundant backups), but the loss of a datacenter (zone) must not stop
 * orders.
 *
 * What it costs: one region. An AKS cluster (Standard tier, system and user pools over zones 1-3), a Key Vault, a
 * zone-redundant Azure SQL database (General Purpose, GP_Gen5_2), a Cosmos DB account, a Service Bus Premium namespace
 * (1 messaging unit) and one Front Door Premium profile with WAF.
 *
 * What fails over how: zone loss is absorbed inside the region (the node pools and pods spread over the zones, the
 * zone-redundant database, Cosmos DB account and namespace keep serving). Region loss stops the platform until the
 * region returns; backups are geo-redundant (West US 3's pair is East US). The README's pattern table has the details.
 *
 * Monitoring, in its own stack: the README's alerts for what this platform deploys, availability tests from 5
 * locations, a health workbook and a dashboard; log ingestion into each region's Log Analytics workspace is billed
 * by use (the README's "Availability, RTO and RPO" section prices the rest).
 *
 * Copy it as `main.ts` into your cdktf project and import from 'cdktf-order-platform' instead of '../lib': run as
 * the app, it synthesizes this platform on its own; or call `zoneRedundant(app)` from your main program. Stacks:
 * `zone-redundant-data`, `zone-redundant-westus3`, `zone-redundant-westus3-apps`, `zone-redundant-edge`,
 * `zone-redundant-observability`.
 */
import { App } from 'cdktf';
import { Construct } from 'constructs';
import { DatabaseEngine, disableTokenStackTraces, EventTransport, MultiRegionOrderPlatform, MultiRegionOrderPlatformProps, RedundancyPattern } from '../lib';

export function zoneRedundant(scope: Construct, overrides: Partial<MultiRegionOrderPlatformProps> = {}): MultiRegionOrderPlatform {
  return new MultiRegionOrderPlatform(scope, 'zone-redundant', {
    prefix: 'ordzr',
    pattern: RedundancyPattern.zoneRedundant(),
    regions: ['westus3'],
    addressPlan: { addressSpace: '10.100.0.0/16' },
    kubernetes: {
      // Entra ID group of the platform's cluster administrators (replace with your own group's object ID).
      adminGroupObjectIds: ['00000000-0000-0000-0000-000000000000'],
    },
    // Order database: zone-redundant Azure SQL (General Purpose), geo-redundant backups, Entra ID only.
    database: {
      engine: DatabaseEngine.sql(),
      // Entra ID group that administers the database (replace with your own group).
      administrator: { objectId: '00000000-0000-0000-0000-000000000000', name: 'sg-order-db-admins' },
    },
    // Delivery tracking: Cosmos DB (zone-redundant, continuous backup) with the change-feed lease container.
    trackingStore: { deliveries: { partitionKeyPath: '/orderId', maxThroughput: 4000 } },
    // Order events: one zone-redundant Service Bus Premium namespace, topic order-events -> delivery-tracking.
    eventBus: { transport: EventTransport.serviceBus({ capacity: 1 }) },
    // Order and Delivery-tracking services on AKS (images pinned by tag; replace with your registry).
    workloads: {
      order: { image: 'contoso.azurecr.io/order-api:1.0.0' },
      tracking: { image: 'contoso.azurecr.io/tracking-api:1.0.0' },
    },
    // Front Door checks each service's TLS certificate against these names (replace with yours).
    entry: { frontDoor: { originHostHeaders: { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' } } },
    // Alerts and availability tests in the -observability stack; replace the contact with your on-call channel.
    observability: {
      contacts: { emails: ['oncall@contoso.com'] },
    },
    tags: { environment: 'example', 'cost-center': 'orders' },
    // Tests (and you) can vary any prop of the template: e.g. the next release step.
    ...overrides,
  });
}

// Run as a program, this file is a cdktf app of its own: cdktf synth --app "node dist/examples/zone-redundant.js".
if (require.main === module) {
  disableTokenStackTraces();
  const app = new App();
  zoneRedundant(app);
  app.synth();
}
