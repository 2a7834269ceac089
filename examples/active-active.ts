/**
 * Active/active across West US 3, East US 2 and Central US: every region serves and writes, Front Door spreads the
 * requests by weight, and each region's Order data lives in its own cell that fails over to a partner region.
 *
 * Choose it when losing a region must not stop orders anywhere and the Order service can work with per-region cells
 * (an order is written in the region that took it; reads of other regions' orders come from local copies).
 *
 * What it costs: three full regions, all serving. Per region an AKS cluster (Standard tier, system and user pools
 * over zones 1-3), a Key Vault and a Service Bus Premium namespace with a standby in the partner region; an Azure
 * SQL logical server holding every cell (its own cell's zone-redundant General Purpose database, a readable copy of
 * every other cell); one Cosmos DB account writing in all three regions; one Front Door Premium profile with WAF.
 *
 * What fails over how: Front Door stops sending to a region once its health probes fail (a few 30-second probe
 * intervals); only the lost region's SQL cell fails over, to its partner (the region listed before it, the first
 * region's is the second) by its failover group after the grace period; Cosmos DB keeps writing in the other regions
 * (writes not yet replicated from the lost region can be lost); a person (or a runbook) fails over only the lost
 * region's Service Bus alias (metadata only). The README's pattern table has the details.
 *
 * Monitoring, in its own stack: the README's alerts for what this platform deploys, availability tests from 5
 * locations, a health workbook and a dashboard; log ingestion into each region's Log Analytics workspace is billed
 * by use (the README's "Availability, RTO and RPO" section prices the rest).
 *
 * Copy it as `main.ts` into your cdktf project and import from 'cdktf-order-platform' instead of '../lib': run as
 * the app, it synthesizes this platform on its own; or call `activeActive(app)` from your main program. Stacks:
 * `active-active-data`, `active-active-westus3`, `active-active-eastus2`, `active-active-centralus`,
 * `active-active-westus3-apps`, `active-active-eastus2-apps`, `active-active-centralus-apps`, `active-active-edge`,
 * `active-active-observability`, `active-active-drills`.
 */
import { App } from 'cdktf';
import { Construct } from 'constructs';
import { DatabaseEngine, disableTokenStackTraces, EventTransport, MultiRegionOrderPlatform, MultiRegionOrderPlatformProps, RedundancyPattern } from '../lib';

export function activeActive(scope: Construct, overrides: Partial<MultiRegionOrderPlatformProps> = {}): MultiRegionOrderPlatform {
  return new MultiRegionOrderPlatform(scope, 'active-active', {
    prefix: 'ordaa',
    pattern: RedundancyPattern.activeActive(),
    // Each region's failover partner is the region listed before it (the first region's is the second): append new
    // regions at the end, so no existing pairing changes.
    regions: ['westus3', 'eastus2', 'centralus'],
    addressPlan: { addressSpace: '10.130.0.0/16' },
    kubernetes: { adminGroupObjectIds: ['00000000-0000-0000-0000-000000000000'] },
    database: {
      // A cell per region: its zone-redundant database with an auto-failover group to the partner region, and a
      // readable copy in every other region. Automatic failover after 60 minutes of outage; consider 'Manual'.
      engine: DatabaseEngine.sql({ failoverMode: 'Automatic', graceMinutes: 60 }),
      administrator: { objectId: '00000000-0000-0000-0000-000000000000', name: 'sg-order-db-admins' },
    },
    // Cosmos DB writing in every region (multi-region writes, Session consistency, periodic geo-redundant backups).
    trackingStore: {},
    // A Service Bus Premium namespace per region, each behind its own geo-DR alias with a standby in the partner region.
    eventBus: { transport: EventTransport.serviceBus() },
    // An Azure Managed Redis cache per region for the Order service's reads (zone-redundant, TLS only, Entra ID, private
    // endpoint), the three linked by active geo-replication.
    cache: {},
    workloads: {
      order: { image: 'contoso.azurecr.io/order-api:1.0.0' },
      tracking: { image: 'contoso.azurecr.io/tracking-api:1.0.0' },
    },
    entry: {
      // Front Door checks each service's TLS certificate against these names (replace with yours).
      frontDoor: { originHostHeaders: { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' } },
      // Central US takes about a fifth of the requests while it ramps up; raise it to 1000 to share equally.
      weights: { westus3: 1000, eastus2: 1000, centralus: 500 },
    },
    // Failover drills (Chaos Studio experiments, started by hand or by a pipeline) in the -drills stack.
    drills: {},
    // Alerts and availability tests in the -observability stack; replace the contact with your on-call channel.
    observability: {
      contacts: { emails: ['oncall@contoso.com'] },
    },
    // The demand model (README, "Scaling"): requests over the whole platform, shared by the entry's weights. Each region
    // scales between its off-peak share and what it carries at peak when another region is lost; KEDA starts the peak
    // pods 30 minutes before each weekend evening (each region's local time), the tracking consumer also scales on its
    // Service Bus backlog, and the Cosmos DB container's autoscale maximum is 1500 x 8 = 12000 RU/s.
    demand: {
      order: { peakRequestsPerSecond: 3000, baseRequestsPerSecond: 600, requestsPerSecondPerPod: 100 },
      tracking: { peakRequestsPerSecond: 1500, baseRequestsPerSecond: 300, requestsPerSecondPerPod: 150, requestUnitsPerRequest: 8 },
      peaks: [{ days: ['Friday', 'Saturday', 'Sunday'], startTime: '17:00', endTime: '22:00' }],
    },
    tags: { environment: 'example', 'cost-center': 'orders' },
    // Tests (and you) can vary any prop of the template: e.g. the next release step.
    ...overrides,
  });
}

// Run as a program, this file is a cdktf app of its own: cdktf synth --app "node dist/examples/active-active.js".
if (require.main === module) {
  disableTokenStackTraces();
  const app = new App();
  activeActive(app);
  app.synth();
}
