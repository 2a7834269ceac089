/**
 * The failover runbook of a platform: the Azure CLI commands for its synthesized names (resource groups, servers,
 * failover groups, virtual endpoints, Cosmos DB accounts, Service Bus aliases, Front Door origins, clusters) for health
 * checks, planned and forced failover away from each region, failback, re-pairing and scaling a standby.
 */
import { Regions } from '../core/regions';
import { blocks, isExpression, SynthesizedApp, SynthesizedResource, SynthesizedStack, valueAt } from '../rules/synthesized';
import { readTopology } from './topology';

/** The literal value of a name attribute, following a reference to the resource that holds it (`${azurerm_resource_group.X.name}`). */
export function nameOf(app: SynthesizedApp, r: SynthesizedResource, attribute: string): string {
  const value = valueAt(r.body, attribute);
  if (typeof value === 'string' && !isExpression(value)) return value;
  const target = app.referencedBy(r.stack, value)[0];
  return typeof target?.body.name === 'string' && !isExpression(target.body.name) ? target.body.name : `<${attribute}>`;
}

const rg = (app: SynthesizedApp, r: SynthesizedResource) => nameOf(app, r, 'resource_group_name');
const code = (lines: readonly string[]) => ['```sh', ...lines, '```'];

/** Builds the runbook of one platform from its synthesized stacks. */
export function runbookMarkdown(stacks: readonly SynthesizedStack[], id: string): string {
  const t = readTopology(stacks, id);
  const app = new SynthesizedApp(stacks);
  const mine = (type: string) => app.ofType(type).filter((r) => valueAt(r.body, 'tags.platform') === id || (type.startsWith('azurerm_cdn_frontdoor_') && app.ofType('azurerm_cdn_frontdoor_profile').some((p) => valueAt(p.body, 'tags.platform') === id && p.stack === r.stack)));
  const out: string[] = [`# Failover runbook: ${id}`, '', `Pattern \`${t.pattern}\`; regions ${t.regions.map((r) => `${r.name} (${r.role})`).join(', ')}. Every name below is the synthesized one; run the commands with the Azure CLI logged in to the platform's subscription.`];

  out.push('', '## Health checks', '');
  const health: string[] = [];
  for (const c of mine('azurerm_kubernetes_cluster')) health.push(`az aks show --resource-group ${rg(app, c)} --name ${String(c.body.name)} --query "{power: powerState.code, state: provisioningState}" -o table`);
  const groups = mine('azurerm_mssql_failover_group');
  for (const g of groups) {
    const server = app.referencedBy(g.stack, g.body.server_id)[0];
    if (server) health.push(`az sql failover-group show --resource-group ${rg(app, server)} --server ${String(server.body.name)} --name ${String(g.body.name)} --query "{role: replicationRole, state: replicationState}" -o table`);
  }
  const pgPrimaries = mine('azurerm_postgresql_flexible_server').filter((s) => s.body.create_mode !== 'Replica');
  for (const s of pgPrimaries) health.push(`az postgres flexible-server replica list --resource-group ${rg(app, s)} --name ${String(s.body.name)} -o table`);
  for (const a of mine('azurerm_cosmosdb_account')) health.push(`az cosmosdb show --resource-group ${rg(app, a)} --name ${String(a.body.name)} --query "{write: writeLocations[].locationName, read: readLocations[].locationName}"`);
  const aliases = app.ofType('azurerm_servicebus_namespace_disaster_recovery_config').filter((a) => app.referencedBy(a.stack, a.body.primary_namespace_id).some((n) => valueAt(n.body, 'tags.platform') === id));
  for (const a of aliases) {
    const ns = app.referencedBy(a.stack, a.body.primary_namespace_id)[0];
    health.push(`az servicebus georecovery-alias show --resource-group ${rg(app, ns)} --namespace-name ${String(ns.body.name)} --alias ${String(a.body.name)} --query "{role: role, state: provisioningState}"`);
  }
  const hubAliases = eventHubsAliases(app, id);
  health.push(...hubAliases.map((a) => eventHubsAliasHealth(app, a)));
  const profile = mine('azurerm_cdn_frontdoor_profile')[0];
  const originGroups = mine('azurerm_cdn_frontdoor_origin_group');
  if (profile) for (const og of originGroups) health.push(`az afd origin list --resource-group ${rg(app, profile)} --profile-name ${String(profile.body.name)} --origin-group-name ${String(og.body.name)} --query "[].{origin: name, enabled: enabledState, priority: priority}" -o table`);
  out.push(...code(health));

  for (const region of t.regions) {
    out.push('', `## Failing over away from ${region.name} (${region.role})`, '');
    const start = out.length;
    if (profile) out.push(...frontDoorSteps(app, mine, profile, region.name));
    out.push(...trafficManagerSteps(app, mine, region.name));
    const sqlHere = groups.filter((g) => app.referencedBy(g.stack, g.body.server_id)[0]?.body.location === region.name);
    for (const g of sqlHere) {
      const partner = app.referencedBy(g.stack, valueAt(g.body, 'partner_server.id'))[0];
      if (!partner) continue;
      const cmd = `az sql failover-group set-primary --resource-group ${rg(app, partner)} --server ${String(partner.body.name)} --name ${String(g.body.name)}`;
      out.push(`Azure SQL, failover group \`${String(g.body.name)}\` to ${String(partner.body.location)}: planned (no data loss; both regions up), or forced (the region is lost; up to 5 s of writes may be lost):`, '', ...code([cmd, `${cmd} --allow-data-loss   # forced`]), '');
    }
    for (const s of pgPrimaries.filter((p) => p.body.location === region.name)) out.push(...postgresqlSteps(app, mine, s));
    for (const a of mine('azurerm_cosmosdb_account')) {
      const locations = [...blocks(a.body.geo_location)].sort((x, y) => Number(x.failover_priority) - Number(y.failover_priority)).map((l) => String(l.location));
      if (locations[0] !== region.name || locations.length < 2 || a.body.multiple_write_locations_enabled === true) continue;
      const order = [...locations.slice(1), locations[0]];
      out.push(`Cosmos DB \`${String(a.body.name)}\`, planned move of the write region to ${order[0]} (both regions healthy):`, '', ...code([`az cosmosdb failover-priority-change --resource-group ${rg(app, a)} --name ${String(a.body.name)} --failover-policies ${order.map((l, i) => `${l}=${i}`).join(' ')}`]), '');
      out.push(`If ${region.name} is lost, do not change the write region (it does not succeed during an outage): ${a.body.automatic_failover_enabled === true ? 'service-managed failover moves it (it can take an hour or more), or' : 'automatic failover is off, so'} perform a forced failover (Microsoft Learn, "Manage an Azure Cosmos DB account", perform forced failover).`, '');
    }
    for (const a of aliases.filter((x) => app.referencedBy(x.stack, x.body.primary_namespace_id)[0]?.body.location === region.name)) {
      const partner = app.referencedBy(a.stack, a.body.partner_namespace_id)[0];
      if (!partner) continue;
      out.push(`Service Bus alias \`${String(a.body.name)}\`: fail over to the standby namespace in ${String(partner.body.location)} (the alias copies no messages: those in the old namespace wait for it):`, '', ...code([`az servicebus georecovery-alias fail-over --resource-group ${rg(app, partner)} --namespace-name ${String(partner.body.name)} --alias ${String(a.body.name)}`]), '');
      out.push('Re-pairing once the old region is back: Azure pairs an alias only with a secondary namespace that holds no entities, so pair with a new namespace or empty the old one; both change the Terraform state of the data stack, so make it a change you preview with `order-platform diff`, not a command here.', '');
    }
    out.push(...eventHubsFailover(app, hubAliases, region.name));
    const standby = t.regions.filter((r) => r.role === 'passive');
    if (standby.length && region.role !== 'passive') {
      for (const s of standby) {
        const cluster = mine('azurerm_kubernetes_cluster').find((c) => c.body.location === s.name);
        const pool = cluster ? mine('azurerm_kubernetes_cluster_node_pool').find((p) => app.referencedBy(p.stack, p.body.kubernetes_cluster_id).includes(cluster)) : undefined;
        out.push(`Scale the standby in ${s.name} to full size: set \`workloads.standbyActive: true\` and deploy its apps stack (\`cdktf deploy ${id}-${s.name}-apps\`); to add nodes ahead of the load:`, '');
        if (cluster && pool) out.push(...code([`az aks nodepool update --resource-group ${rg(app, cluster)} --cluster-name ${String(cluster.body.name)} --name ${String(pool.body.name)} --update-cluster-autoscaler --min-count ${String(pool.body.max_count)} --max-count ${String(pool.body.max_count)}`]));
        out.push('');
      }
    }
    if (out.slice(start).includes('```sh')) out.push(`Failback: once ${region.name} is healthy again, re-enable what was disabled (\`--enabled-state Enabled\`, \`--endpoint-status Enabled\`), and repeat the planned commands above in the other direction.`);
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

/** The Event Hubs geo-DR aliases of a platform (the alias names its primary by name: `namespace_name`). */
function eventHubsAliases(app: SynthesizedApp, id: string): SynthesizedResource[] {
  return app.ofType('azurerm_eventhub_namespace_disaster_recovery_config').filter((a) => app.referencedBy(a.stack, a.body.namespace_name).some((n) => valueAt(n.body, 'tags.platform') === id));
}

/** The health check of an Event Hubs alias, on its primary namespace. */
function eventHubsAliasHealth(app: SynthesizedApp, a: SynthesizedResource): string {
  const ns = app.referencedBy(a.stack, a.body.namespace_name)[0];
  return `az eventhubs georecovery-alias show --resource-group ${rg(app, ns)} --namespace-name ${String(ns.body.name)} --alias ${String(a.body.name)} --query "{role: role, state: provisioningState}"`;
}

/** Failing over the Event Hubs aliases whose primary is in `region`, run on the standby namespace. */
function eventHubsFailover(app: SynthesizedApp, aliases: readonly SynthesizedResource[], region: string): string[] {
  const out: string[] = [];
  for (const a of aliases.filter((x) => app.referencedBy(x.stack, x.body.namespace_name)[0]?.body.location === region)) {
    const partner = app.referencedBy(a.stack, a.body.partner_namespace_id)[0];
    if (!partner) continue;
    out.push(`Event Hubs alias \`${String(a.body.name)}\`: fail over to the standby namespace in ${String(partner.body.location)} (the alias copies no events and no consumer-group offsets: the Kafka bootstrap host stays the alias, the group starts from auto.offset.reset, and the old namespace's events wait for it):`, '', ...code([`az eventhubs georecovery-alias fail-over --resource-group ${rg(app, partner)} --namespace-name ${String(partner.body.name)} --alias ${String(a.body.name)}`]), '');
    out.push('Then restart the order and tracking services in every serving region (`kubectl rollout restart deployment -n <namespace>`): running Kafka clients keep the old namespace\'s brokers until they bootstrap again. The new primary runs the units the standby was created with; raise them if the old primary\'s were raised since.', '');
    out.push('Re-pairing once the old region is back: read its retained events first (its own host), then pair with an empty namespace; that changes the Terraform state of the data stack, so make it a change you preview with `order-platform diff`.', '');
  }
  return out;
}

/**
 * The region of a Front Door origin: its Private Link location; else the region its construct ID ends with
 * (`Origin-<group>-<region>`, kept whatever `names.frontDoorOrigins` calls it); else its name (the default name is the
 * region).
 */
export function originRegion(o: SynthesizedResource): unknown {
  const link = valueAt(o.body, 'private_link.location');
  if (link !== undefined) return link;
  const fromPath = /\/Origin-[^/]+-([a-z0-9]+)$/.exec(o.constructPath ?? '');
  return fromPath ? fromPath[1] : o.body.name;
}

/** Front Door: disable the region's origins where another region's origin remains in the group; say so where none does. */
function frontDoorSteps(app: SynthesizedApp, mine: (type: string) => readonly SynthesizedResource[], profile: SynthesizedResource, region: string): string[] {
  const origins = mine('azurerm_cdn_frontdoor_origin');
  const inRegion = (o: SynthesizedResource) => originRegion(o) === region;
  const commands: string[] = [];
  const alone: string[] = [];
  for (const o of origins.filter(inRegion)) {
    const og = app.referencedBy(o.stack, o.body.cdn_frontdoor_origin_group_id)[0];
    const others = origins.filter((x) => !inRegion(x) && x.body.enabled !== false && og !== undefined && app.referencedBy(x.stack, x.body.cdn_frontdoor_origin_group_id).includes(og));
    if (others.length === 0) alone.push(String(og?.body.name));
    else commands.push(`az afd origin update --resource-group ${rg(app, profile)} --profile-name ${String(profile.body.name)} --origin-group-name ${String(og?.body.name)} --origin-name ${String(o.body.name)} --enabled-state Disabled`);
  }
  const out: string[] = [];
  if (commands.length) out.push('For a planned failover, take the region out of Front Door first (a failed region is taken out by the health probes, in about 1-2 min):', '', ...code(commands), '');
  if (alone.length) out.push(`No other region serves ${alone.map((g) => `\`${g}\``).join(', ')}: disabling ${region} there stops the service; wait for the region instead.`, '');
  return out;
}

/** Traffic Manager: disable the region's endpoints where another region's endpoint remains in the profile. */
function trafficManagerSteps(app: SynthesizedApp, mine: (type: string) => readonly SynthesizedResource[], region: string): string[] {
  const commands: string[] = [];
  for (const profile of mine('azurerm_traffic_manager_profile')) {
    const endpoints = app.ofType('azurerm_traffic_manager_external_endpoint').filter((e) => app.referencedBy(e.stack, e.body.profile_id).includes(profile));
    const here = endpoints.filter((e) => e.body.endpoint_location === region);
    if (here.length === 0 || here.length === endpoints.length) continue;
    for (const e of here) commands.push(`az network traffic-manager endpoint update --resource-group ${rg(app, profile)} --profile-name ${String(profile.body.name)} --type externalEndpoints --name ${String(e.body.name)} --endpoint-status Disabled`);
  }
  return commands.length ? ['For a planned failover, take the region out of Traffic Manager first (clients follow once their cached DNS answers expire):', '', ...code(commands), ''] : [];
}

/** The steps that move a PostgreSQL cell's writes away from its primary `s`: promote each cross-region replica, give it HA. */
function postgresqlSteps(app: SynthesizedApp, mine: (type: string) => SynthesizedResource[], s: SynthesizedResource): string[] {
  const steps: string[] = [];
  // The replicas in other regions (in-region read replicas are lost with the region).
  const replicas = mine('azurerm_postgresql_flexible_server').filter((r) => r.body.create_mode === 'Replica' && r.body.location !== s.body.location && app.referencedBy(r.stack, r.body.source_server_id).includes(s));
  const endpoint = app.ofType('azurerm_postgresql_flexible_server_virtual_endpoint').find((e) => app.referencedBy(e.stack, e.body.source_server_id).includes(s));
  for (const r of replicas) {
    const cmd = `az postgres flexible-server replica promote --resource-group ${rg(app, r)} --name ${String(r.body.name)} --promote-mode switchover`;
    steps.push(`PostgreSQL, promote the replica in ${String(r.body.location)}${endpoint ? ` (the virtual endpoint \`${String(endpoint.body.name)}\`'s writer name follows)` : ''}: planned waits for the replica to catch up; forced does not (up to 5 min of writes may be lost):`, '', ...code([`${cmd} --promote-option planned`, `${cmd} --promote-option forced   # the primary is lost`]), '');
    // A replica runs no HA; when the cell's primary runs it, the promoted one gets its region's best mode
    // (zone-redundant only where there are zones). The az CLI replaced --high-availability with --zonal-resiliency
    // (azure-cli's postgresql _breaking_change.py); both forms are given.
    if (valueAt(s.body, 'high_availability.mode') !== undefined) {
      const sameZone = Regions.tryFind(String(r.body.location))?.availabilityZones === false;
      const update = `az postgres flexible-server update --resource-group ${rg(app, r)} --name ${String(r.body.name)}`;
      steps.push(`Then give the new primary high availability (${sameZone ? 'same-zone' : 'zone-redundant'} in ${String(r.body.location)}; the replica's configuration ignores \`high_availability\`, so the next deploy keeps it):`, '',
        ...code([`${update} --zonal-resiliency Enabled${sameZone ? ' --allow-same-zone' : ''}`, `${update} --high-availability ${sameZone ? 'SameZone' : 'ZoneRedundant'}   # az CLI before --zonal-resiliency`]), '');
    }
    steps.push('After a switchover the data stack\'s configuration has source and replica the wrong way round: the provider cannot update the virtual endpoint\'s replica afterwards (remove it from the state and import it with source and replica flipped, as the azurerm documentation of azurerm_postgresql_flexible_server_virtual_endpoint says), and Azure turns high availability off on the demoted primary, which the configuration still gives it. Make that a change you preview with `order-platform diff` before the next deploy.', '');
  }
  return steps;
}
