/**
 * Active/passive across East US 2 and Central US (a region pair) with PostgreSQL: the active region serves
 * everything; the passive region keeps a warm stamp and a cross-region read replica behind a virtual endpoint,
 * promoted when the active region is lost.
 *
 * Choose it when the second region exists only for disaster recovery: it serves nothing in normal times and takes
 * over when the active region is lost, at lower cost than a second serving region.
 *
 * What it costs: two regions, one serving. Per region an AKS cluster (Standard tier, pools over zones 1-3; the passive
 * one runs one replica per service), a Key Vault and an Event Grid topic; a PostgreSQL flexible server (General
 * Purpose GP_Standard_D4ds_v5, zone-redundant HA) with a read replica in the passive region behind a virtual endpoint;
 * one Cosmos DB account in both regions; dead-letter storage per region; one Front Door Premium profile with WAF.
 *
 * What fails over how: Front Door sends everything to the active region and switches to the passive one when the
 * active region's probes fail; the passive stamp scales out from its warm minimum; the replica is promoted (a manual
 * step, the README's runbook) and the virtual endpoint follows it; Cosmos DB fails over by service-managed failover.
 * The README's pattern table has the details.
 *
 * Monitoring, in its own stack: the README's alerts for what this platform deploys, availability tests from 5
 * locations, a health workbook and a dashboard; log ingestion into each region's Log Analytics workspace is billed
 * by use (the README's "Availability, RTO and RPO" section prices the rest).
 *
 * Copy it as `main.ts` into your cdktf project and import from 'cdktf-order-platform' instead of '../lib': run as
 * the app, it synthesizes this platform on its own; or call `activePassive(app)` from your main program. Stacks:
 * `active-passive-data`, `active-passive-eastus2`, `active-passive-centralus`, `active-passive-eastus2-apps`,
 * `active-passive-centralus-apps`, `active-passive-edge`, `active-passive-observability`, `active-passive-drills`.
 */
import { App } from 'cdktf';
import { Construct } from 'constructs';
import { DatabaseEngine, disableTokenStackTraces, EventTransport, MultiRegionOrderPlatform, MultiRegionOrderPlatformProps, RedundancyPattern, Rollout } from '../lib';

export function activePassive(scope: Construct, overrides: Partial<MultiRegionOrderPlatformProps> = {}): MultiRegionOrderPlatform {
  return new MultiRegionOrderPlatform(scope, 'active-passive', {
    prefix: 'ordap',
    pattern: RedundancyPattern.activePassive({ standby: 'warm' }),
    regions: ['eastus2', 'centralus'],
    addressPlan: { addressSpace: '10.120.0.0/16' },
    kubernetes: { adminGroupObjectIds: ['00000000-0000-0000-0000-000000000000'] },
    database: {
      // Zone-redundant HA primary (zones 1 and 2), replica in Central US, writer/reader virtual endpoint.
      engine: DatabaseEngine.postgresql({ version: '16', skuName: 'GP_Standard_D4ds_v5' }),
      administrator: { objectId: '00000000-0000-0000-0000-000000000000', name: 'sg-order-db-admins' },
    },
    // Cosmos DB in both regions, single write region, service-managed failover.
    trackingStore: {},
    // The Event Grid option: a topic per region pushing CloudEvents to the tracking service's webhook, which the
    // platform derives (https://<Front Door endpoint>/tracking/events); dead letters to zone-redundant storage.
    // Event Grid validates the webhook when a subscription is created, and Front Door answers only once the Private
    // Link connections are approved: deploy first, approve them, then set subscribe: true and deploy again.
    eventBus: { transport: EventTransport.eventGrid({ subscribe: false }) },
    workloads: {
      order: { image: 'contoso.azurecr.io/order-api:1.0.0' },
      // A canary of the tracking service taking about 10% of requests.
      tracking: { image: 'contoso.azurecr.io/tracking-api:1.0.0', rollout: Rollout.canary({ canaryImage: 'contoso.azurecr.io/tracking-api:1.1.0', percent: 10 }) },
      // The warm passive region runs one replica per service and scales out on failover.
      standbyMinReplicas: 1,
    },
    // Front Door checks each service's TLS certificate against these names (replace with yours).
    entry: { frontDoor: { originHostHeaders: { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' } } },
    // Failover drills (Chaos Studio experiments, started by hand or by a pipeline) in the -drills stack.
    drills: {},
    // Alerts and availability tests in the -observability stack; replace the contact with your on-call channel.
    observability: {
      contacts: { emails: ['oncall@contoso.com'] },
    },
    tags: { environment: 'example', 'cost-center': 'orders' },
    // Tests (and you) can vary any prop of the template: e.g. the next release step.
    ...overrides,
  });
}

// Run as a program, this file is a cdktf app of its own: cdktf synth --app "node dist/examples/active-passive.js".
if (require.main === module) {
  disableTokenStackTraces();
  const app = new App();
  activePassive(app);
  app.synth();
}
