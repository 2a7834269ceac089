/**
 * Primary/secondary across West US 3 and East US (the classic two-region ordering scenario): the primary writes; the secondary serves
 * reads from a readable geo-replica and takes over writes when the auto-failover group fails over.
 *
 * Choose it when a region loss must not stop orders for longer than the failover takes, and a second region that
 * serves reads in normal times is worth paying for.
 *
 * What it costs: two full regions, both serving. Per region an AKS cluster (Standard tier, pools over zones 1-3), a Key
 * Vault and a Service Bus Premium namespace (the secondary's paired through the geo-DR alias); Azure SQL servers in both
 * regions with a zone-redundant General Purpose database and its readable geo-secondary in an auto-failover group;
 * one Cosmos DB account in both regions; one Front Door Premium profile with WAF.
 *
 * What fails over how: Front Door stops sending to a region whose health probes fail; the failover group moves the
 * read-write listener to the secondary after 60 minutes of primary outage (the grace period; 'Manual' leaves it to
 * you); Cosmos DB fails over by service-managed failover; a person (or a runbook) fails the Service Bus alias over to
 * the secondary (metadata only: messages in the lost namespace stay there). The README's pattern table has the details.
 *
 * Monitoring, in its own stack: the README's alerts for what this platform deploys, availability tests from 5
 * locations, a health workbook and a dashboard; log ingestion into each region's Log Analytics workspace is billed
 * by use (the README's "Availability, RTO and RPO" section prices the rest).
 *
 * Copy it as `main.ts` into your cdktf project and import from 'cdktf-order-platform' instead of '../lib': run as
 * the app, it synthesizes this platform on its own; or call `primarySecondary(app)` from your main program. Stacks:
 * `primary-secondary-data`, `primary-secondary-westus3`, `primary-secondary-eastus`,
 * `primary-secondary-westus3-apps`, `primary-secondary-eastus-apps`, `primary-secondary-edge`,
 * `primary-secondary-observability`, `primary-secondary-drills`.
 */
import { App } from 'cdktf';
import { Construct } from 'constructs';
import { DatabaseEngine, disableTokenStackTraces, EventTransport, MultiRegionOrderPlatform, MultiRegionOrderPlatformProps, RedundancyPattern, Rollout } from '../lib';

export function primarySecondary(scope: Construct, overrides: Partial<MultiRegionOrderPlatformProps> = {}): MultiRegionOrderPlatform {
  return new MultiRegionOrderPlatform(scope, 'primary-secondary', {
    prefix: 'ordps',
    pattern: RedundancyPattern.primarySecondary(),
    // First = primary. Both regions have availability zones; West US 3's designated pair is East US.
    regions: ['westus3', 'eastus'],
    addressPlan: { addressSpace: '10.110.0.0/16' },
    kubernetes: { adminGroupObjectIds: ['00000000-0000-0000-0000-000000000000'] },
    database: {
      // Automatic failover after 60 minutes of primary outage ; consider 'Manual'.
      engine: DatabaseEngine.sql({ failoverMode: 'Automatic', graceMinutes: 60 }),
      administrator: { objectId: '00000000-0000-0000-0000-000000000000', name: 'sg-order-db-admins' },
    },
    // Cosmos DB in both regions, single write region, service-managed failover.
    trackingStore: {},
    // Service Bus Premium namespaces in both regions behind a geo-DR alias (metadata only: see the README).
    eventBus: { transport: EventTransport.serviceBus() },
    // An Azure Managed Redis cache per region for the Order service's reads (zone-redundant, TLS only, Entra ID, private
    // endpoint); each region's starts cold after a failover (a cache is not a system of record).
    cache: {},
    workloads: {
      // A blue-green release of the Order service: green is live, blue keeps the previous version for rollback.
      order: { image: 'contoso.azurecr.io/order-api:1.1.0', rollout: Rollout.blueGreen({ live: 'green', blueImage: 'contoso.azurecr.io/order-api:1.0.0', greenImage: 'contoso.azurecr.io/order-api:1.1.0' }) },
      tracking: { image: 'contoso.azurecr.io/tracking-api:1.0.0' },
    },
    // Front Door checks each service's TLS certificate against these names (replace with yours).
    entry: { frontDoor: { originHostHeaders: { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' } } },
    // Failover drills (Chaos Studio experiments, started by hand or by a pipeline) in the -drills stack.
    drills: {},
    // Alerts and availability tests in the -observability stack; replace the contact with your on-call channel.
    observability: {
      contacts: { emails: ['oncall@contoso.com'] },
    },
    // The demand model (README, "Scaling"): both regions serve reads, so each carries half the requests and the whole
    // peak when the other is lost; KEDA starts the peak pods 30 minutes before each weekend evening (each region's local
    // time) and the tracking consumer also scales on its Service Bus backlog.
    demand: {
      order: { peakRequestsPerSecond: 2000, baseRequestsPerSecond: 400, requestsPerSecondPerPod: 100 },
      tracking: { peakRequestsPerSecond: 800, baseRequestsPerSecond: 160, requestsPerSecondPerPod: 100 },
      peaks: [{ days: ['Friday', 'Saturday', 'Sunday'], startTime: '17:00', endTime: '22:00' }],
    },
    tags: { environment: 'example', 'cost-center': 'orders' },
    // Tests (and you) can vary any prop of the template: e.g. the next release step.
    ...overrides,
  });
}

// Run as a program, this file is a cdktf app of its own: cdktf synth --app "node dist/examples/primary-secondary.js".
if (require.main === module) {
  disableTokenStackTraces();
  const app = new App();
  primarySecondary(app);
  app.synth();
}
