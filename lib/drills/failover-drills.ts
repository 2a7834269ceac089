import { Construct } from 'constructs';
import { Fn, Token } from 'cdktf';
import { ChaosStudioCapability } from '@cdktf/provider-azurerm/lib/chaos-studio-capability';
import { ChaosStudioExperiment, ChaosStudioExperimentSelectors, ChaosStudioExperimentStepsBranch } from '@cdktf/provider-azurerm/lib/chaos-studio-experiment';
import { ChaosStudioTarget } from '@cdktf/provider-azurerm/lib/chaos-studio-target';
import { DataAzurermResources } from '@cdktf/provider-azurerm/lib/data-azurerm-resources';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { ResourceGroupTemplateDeployment } from '@cdktf/provider-azurerm/lib/resource-group-template-deployment';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Naming, ResourceKind } from '../core/naming';
import { RegionPlacement } from '../core/pattern';
import { RegionInfo, Regions } from '../core/regions';
import { ValidationError } from '../core/errors';
import { Checks, checkShape } from '../core/validate';
import { RegionalStamp } from '../stamp/regional-stamp';
import { ChaosFault, CHAOS_FAULTS, DRILL_RULE_PRIORITIES, EXPERIMENT_REGIONS } from './chaos-faults';
import { DRILL_SCENARIOS, DrillCosmosAccount, DrillScenario, DrillServiceBusTopic, FailoverDrillsProps } from './failover-drills-types';
import { FAILOVER_DRILLS_PROPS_SHAPE } from './shapes';

/** One experiment of {@link FailoverDrills}. */
export interface DrillExperiment {
  /** What it causes. */
  readonly scenario: DrillScenario;
  /** The region it causes it in. */
  readonly region: string;
  /** The experiment's name. */
  readonly name: string;
  /** Where the experiment lives (a Chaos Studio experiment region in the drilled region's geography or residency). */
  readonly location: string;
}


/**
 * Failover drills as code: one Azure Chaos Studio experiment per scenario and region (zone loss, region loss, Key
 * Vault loss, event bus loss), each with a system-assigned identity holding only the roles its faults need on exactly
 * the platform's resources, a bounded duration, and no schedule: an experiment runs only when a person or a pipeline
 * starts it. Targets and capabilities are onboarded on the resources the drills use.
 *
 * Zone loss is an ARM template deployment of the experiment: its selector filters the node pools' scale sets by zone,
 * which `azurerm_chaos_studio_experiment` cannot express (terraform-provider-azurerm v4.55.0,
 * internal/services/chaosstudio/chaos_studio_experiment_resource.go, expandSelectors: `Filter: nil`).
 */
export class FailoverDrills extends Construct {
  /** The drills' resource group. */
  public readonly resourceGroup: ResourceGroup;
  /** The experiments, in creation order. */
  public readonly experiments: readonly DrillExperiment[];

  private readonly naming: Naming;
  /** The platform's regions, in its order. */
  private readonly regions: readonly string[];
  private readonly duration: string;
  private readonly targets = new Map<string, ChaosStudioTarget>();
  private readonly capabilities = new Map<string, ChaosStudioCapability>();

  constructor(scope: Construct, id: string, props: FailoverDrillsProps) {
    super(scope, id);
    checkShape(this, '', props, FAILOVER_DRILLS_PROPS_SHAPE);
    const checked = checkDrills(this, props);
    this.naming = new Naming(props.prefix);
    this.regions = props.placements.map((p) => p.region.name);
    this.duration = `PT${checked.minutes}M`;
    const first = props.placements[0].region.name;
    this.resourceGroup = new ResourceGroup(this, 'ResourceGroup', {
      name: this.naming.name(this, ResourceKind.RESOURCE_GROUP, { qualifier: 'drills' }),
      location: first,
      tags: { ...props.tags, component: 'drills' },
    });
    const experiments: DrillExperiment[] = [];
    for (const scenario of checked.scenarios) {
      for (const placement of props.placements) {
        const experiment = this.buildScenario(scenario, placement, props, checked.zone);
        if (experiment) experiments.push(experiment);
      }
    }
    this.experiments = experiments;
  }

  private buildScenario(scenario: DrillScenario, placement: RegionPlacement, props: FailoverDrillsProps, zone: string): DrillExperiment | undefined {
    const region = placement.region.name;
    const stamp = props.stamps[region];
    switch (scenario) {
      case 'zoneLoss': return placement.zoneRedundant ? this.zoneLoss(placement, stamp, zone) : undefined;
      case 'regionLoss': return this.regionLoss(placement, stamp, (props.cosmosAccounts ?? []).filter((a) => a.regions[0] === region && a.regions.length > 1 && !a.multiRegionWrites));
      case 'keyVaultLoss': return this.keyVaultLoss(placement, stamp);
      case 'eventBusLoss': {
        const topic = (props.serviceBusTopics ?? []).find((t) => t.region === region);
        return topic ? this.eventBusLoss(placement, topic) : undefined;
      }
    }
  }

  /** Region loss: the region's nodes and private endpoints refuse every inbound connection; its Cosmos DB accounts fail over. */
  private regionLoss(placement: RegionPlacement, stamp: RegionalStamp, accounts: readonly DrillCosmosAccount[]): DrillExperiment {
    const region = placement.region.name;
    // A cell's drill never moves its data out of its residency (the platform's cell accounts never leave it).
    const outside = accounts.find((a) => placement.residency !== undefined && !Regions.isInResidency(Regions.find(a.regions[1], this, 'cosmosAccounts'), placement.residency));
    if (outside) {
      throw new ValidationError({ scope: this, prop: 'cosmosAccounts', value: outside.regions, problem: `the ${region} cell's region-loss drill would move the account's writes to ${outside.regions[1]}, outside its residency ${placement.residency}`, fix: 'give the cell only accounts whose regions stay inside its residency' });
    }
    const nsgs = stamp.network.networkSecurityGroups;
    const selectors: Selector[] = [
      { name: 'nodes', key: `${region}-nodes-nsg`, location: region, fault: CHAOS_FAULTS.nsgRule, resourceId: nsgs.aksNodes.id },
      { name: 'private-endpoints', key: `${region}-private-endpoints-nsg`, location: region, fault: CHAOS_FAULTS.nsgRule, resourceId: nsgs.privateEndpoints.id },
      ...accounts.map((a, i): Selector => ({ name: `cosmos-${i}`, key: `${region}-cosmos-${i}`, location: region, fault: CHAOS_FAULTS.cosmosFailover, resourceId: a.id })),
    ];
    const branches: ChaosStudioExperimentStepsBranch[] = [
      { name: 'ingress', actions: [this.denyRule('nodes', 'chaos-drill-deny-ingress', DRILL_RULE_PRIORITIES.ingress, '*')] },
      { name: 'data-tier', actions: [this.denyRule('private-endpoints', 'chaos-drill-deny-data-tier', DRILL_RULE_PRIORITIES.dataTier, '*')] },
      ...accounts.map((a, i): ChaosStudioExperimentStepsBranch => ({
        name: `cosmos-failover-${i}`,
        actions: [{ actionType: 'continuous', urn: CHAOS_FAULTS.cosmosFailover.urn, selectorName: `cosmos-${i}`, duration: this.duration, parameters: { readRegion: Regions.tryFind(a.regions[1])?.displayName ?? a.regions[1] } }],
      })),
    ];
    return this.experiment('regionLoss', placement, selectors, [{ name: `${region}-lost`, branch: branches }]);
  }

  /** Key Vault loss: the private-endpoint subnet's NSG refuses connections to the vault's private endpoint. */
  private keyVaultLoss(placement: RegionPlacement, stamp: RegionalStamp): DrillExperiment {
    const address = `${stamp.keyVaultEndpoint.privateServiceConnection.privateIpAddress}/32`;
    const region = placement.region.name;
    const selectors: Selector[] = [{ name: 'private-endpoints', key: `${region}-private-endpoints-nsg`, location: region, fault: CHAOS_FAULTS.nsgRule, resourceId: stamp.network.networkSecurityGroups.privateEndpoints.id }];
    const action = this.denyRule('private-endpoints', 'chaos-drill-deny-key-vault', DRILL_RULE_PRIORITIES.keyVault, address);
    return this.experiment('keyVaultLoss', placement, selectors, [{ name: 'key-vault-unreachable', branch: [{ name: 'key-vault', actions: [action] }] }]);
  }

  /** Event bus loss: the topic disabled, a wait of the duration, the topic active again (the fault is discrete). */
  private eventBusLoss(placement: RegionPlacement, topic: DrillServiceBusTopic): DrillExperiment {
    const selectors: Selector[] = [{ name: 'namespace', key: `${topic.region}-service-bus`, location: topic.region, fault: CHAOS_FAULTS.serviceBusTopicState, resourceId: topic.namespaceId }];
    const state = (desiredState: string) => ({ actionType: 'discrete', urn: CHAOS_FAULTS.serviceBusTopicState.urn, selectorName: 'namespace', parameters: { desiredState, topics: jsonList(topic.topicName) } });
    return this.experiment('eventBusLoss', placement, selectors, [
      { name: 'disable-topic', branch: [{ name: 'topic', actions: [state('Disabled')] }] },
      { name: 'wait', branch: [{ name: 'topic', actions: [{ actionType: 'delay', duration: this.duration }] }] },
      { name: 'enable-topic', branch: [{ name: 'topic', actions: [state('Active')] }] },
    ]);
  }

  /** A continuous NSG fault: an inbound deny rule from anywhere to `destination`, on every port, for the duration. */
  private denyRule(selectorName: string, name: string, priority: number, destination: string) {
    return {
      actionType: 'continuous', urn: CHAOS_FAULTS.nsgRule.urn, selectorName, duration: this.duration,
      parameters: {
        name, protocol: 'Any', sourceAddresses: '["*"]', destinationAddresses: jsonList(destination), action: 'Deny',
        destinationPortRanges: '["*"]', sourcePortRanges: '["*"]', priority: String(priority), direction: 'Inbound',
      },
    };
  }

  /** An experiment with a system-assigned identity, its selectors' targets and capabilities, and one role per target. */
  private experiment(scenario: DrillScenario, placement: RegionPlacement, selectors: readonly Selector[], steps: ChaosStudioExperimentProps['steps']): DrillExperiment {
    const region = placement.region.name;
    const id = `Drill-${scenario}-${region}`;
    const name = this.naming.name(this, ResourceKind.CHAOS_EXPERIMENT, { qualifier: `${kebab(scenario)}-${region}`, childId: id });
    const location = experimentLocation(this, placement, this.regions);
    const targets = selectors.map((s) => this.target(s));
    const experiment = new ChaosStudioExperiment(this, id, {
      name, location, resourceGroupName: this.resourceGroup.name,
      identity: { type: 'SystemAssigned' },
      selectors: selectors.map((s, i): ChaosStudioExperimentSelectors => ({ name: s.name, chaosStudioTargetIds: [targets[i].target.id] })),
      steps,
      // The capabilities must exist before a run; Terraform knows it only through this.
      dependsOn: targets.map((t) => t.capability),
    });
    this.grant(id, selectors, experiment.identity.principalId);
    return { scenario, region, name, location };
  }

  /** Zone loss: the system and user pools' scale sets shut down in one zone (ARM template: the selector's zone filter). */
  private zoneLoss(placement: RegionPlacement, stamp: RegionalStamp, zone: string): DrillExperiment {
    const region = placement.region.name;
    const id = `Drill-zoneLoss-${region}`;
    const name = this.naming.name(this, ResourceKind.CHAOS_EXPERIMENT, { qualifier: `zone-loss-${region}`, childId: id });
    const location = experimentLocation(this, placement, this.regions);
    const selectors: Selector[] = stamp.nodePools.map((pool) => {
      // AKS creates each pool's scale set in the node resource group and tags it with the pool's name.
      const scaleSets = new DataAzurermResources(this, `${id}-${pool.name}-ScaleSet`, {
        resourceGroupName: stamp.cluster.nodeResourceGroup, type: 'Microsoft.Compute/virtualMachineScaleSets', requiredTags: { 'aks-managed-poolName': pool.name },
        // A plan-time message instead of an index error, e.g. during a pool rotation (two scale sets) or before the stamp exists.
        lifecycle: { postcondition: [{ condition: '${length(self.resources) == 1}', errorMessage: `The zone-loss drill of ${region} needs exactly one scale set of node pool ${pool.name} (tag aks-managed-poolName=${pool.name}) in the cluster's node resource group: apply the ${region} stamp first, or wait for a pool rotation to finish and apply the drills stack again.` }] },
      });
      return { name: `${pool.name}-pool`, key: `${region}-${pool.name}-pool`, location: region, fault: CHAOS_FAULTS.vmssShutdown, resourceId: scaleSets.resources.get(0).id };
    });
    const targets = selectors.map((s) => this.target(s));
    const deployment = new ResourceGroupTemplateDeployment(this, id, {
      name, resourceGroupName: this.resourceGroup.name, deploymentMode: 'Incremental',
      templateContent: JSON.stringify(zoneLossTemplate(name, location, zone, this.duration)),
      parametersContent: Fn.jsonencode({ targets: { value: targets.map((t) => ({ type: 'ChaosTarget', id: t.target.id })) } }),
      dependsOn: targets.map((t) => t.capability),
    });
    this.grant(id, selectors, Fn.lookupNested(Fn.jsondecode(deployment.outputContent), ['principalId', 'value']));
    return { scenario: 'zoneLoss', region, name, location };
  }

  /** The fault's role for the experiment's identity on each selected resource. */
  private grant(id: string, selectors: readonly Selector[], principalId: string): void {
    selectors.forEach((s) => new RoleAssignment(this, `${id}-${s.name}-Role`, { scope: s.resourceId, roleDefinitionName: s.fault.role, principalId, principalType: 'ServicePrincipal' }));
  }

  /**
   * The Chaos Studio target of a selector's resource, in the resource's region, with the fault's capability: one each
   * per resource and fault, shared by the experiments that use it, with construct IDs from the resource's role in its
   * region (so adding or dropping a scenario moves no other target's address).
   */
  private target(s: Selector): { target: ChaosStudioTarget; capability: ChaosStudioCapability } {
    const { fault } = s;
    let target = this.targets.get(s.key);
    if (!target) {
      target = new ChaosStudioTarget(this, `Target-${s.key}`, { location: s.location, targetResourceId: s.resourceId, targetType: fault.targetType });
      this.targets.set(s.key, target);
    }
    const capabilityId = `Capability-${s.key}-${fault.capability}`;
    let capability = this.capabilities.get(capabilityId);
    if (!capability) {
      capability = new ChaosStudioCapability(this, capabilityId, { chaosStudioTargetId: target.id, capabilityType: fault.capability });
      this.capabilities.set(capabilityId, capability);
    }
    return { target, capability };
  }
}

type ChaosStudioExperimentProps = ConstructorParameters<typeof ChaosStudioExperiment>[2];

/** A selector: its name, its resource's key and region, the fault its actions use, and the resource it targets. */
interface Selector {
  readonly name: string;
  /** The resource's role in its region (`westus3-nodes-nsg`): the target's construct ID. */
  readonly key: string;
  /** The resource's region: where its Chaos Studio target lives. */
  readonly location: string;
  readonly fault: ChaosFault;
  readonly resourceId: string;
}

/** A one-item JSON array as a string, the form Chaos Studio's list parameters take (`["order-events"]`). */
const jsonList = (value: string): string => (Token.isUnresolved(value) ? Fn.jsonencode([value]) : JSON.stringify([value]));
const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * The ARM template of a zone-loss experiment: a list selector over the scale sets filtered to `zone`, and one
 * continuous shutdown of the selected instances (abrupt, like a zone's power loss) for `duration`. Its output is the
 * experiment identity's principal, for the role assignments.
 */
function zoneLossTemplate(name: string, location: string, zone: string, duration: string): object {
  const experimentId = `[resourceId('Microsoft.Chaos/experiments', '${name}')]`;
  return {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { targets: { type: 'array' } },
    resources: [{
      type: 'Microsoft.Chaos/experiments', apiVersion: '2023-11-01', name, location, identity: { type: 'SystemAssigned' },
      properties: {
        selectors: [{ type: 'List', id: 'nodes', targets: "[parameters('targets')]", filter: { type: 'Simple', parameters: { zones: [zone] } } }],
        steps: [{ name: `zone-${zone}-down`, branches: [{ name: 'nodes', actions: [{ type: 'continuous', name: CHAOS_FAULTS.vmssShutdown.urn, selectorId: 'nodes', duration, parameters: [{ key: 'abruptShutdown', value: 'true' }] }] }] }],
      },
    }],
    outputs: { principalId: { type: 'string', value: `[reference(${experimentId.slice(1, -1)}, '2023-11-01', 'full').identity.principalId]` } },
  };
}

/**
 * Where a drill's experiment lives: the drilled region when Chaos Studio hosts experiments there, else the first
 * experiment region of the same geography (inside the cell's residency under regionPinned: the experiment's definition
 * and runs stay in its region).
 */
export function experimentLocation(scope: Construct, placement: RegionPlacement, platformRegions: readonly string[] = []): string {
  const region = placement.region;
  if (EXPERIMENT_REGIONS.includes(region.name)) return region.name;
  const inside = (r: RegionInfo) => (placement.residency ? Regions.isInResidency(r, placement.residency) : r.geography === region.geography);
  const found = EXPERIMENT_REGIONS.map((name) => Regions.tryFind(name)).find((r): r is RegionInfo => r !== undefined && inside(r));
  if (found) return found.name;
  // Without a declared residency, another of the platform's own regions (Chaos Studio targets across regions).
  const own = placement.residency ? undefined : platformRegions.find((name) => EXPERIMENT_REGIONS.includes(name));
  if (own) return own;
  throw new ValidationError({
    scope, prop: 'regions', value: region.name,
    problem: `Chaos Studio hosts experiments in none of ${placement.residency ? `the regions of the residency ${placement.residency}` : `${region.geography}'s regions, nor in another region of the platform`}, and a drill's definition and runs stay in its experiment's region`,
    fix: `drop the drills, or drill a platform with a region of ${EXPERIMENT_REGIONS.join(', ')}${placement.residency ? ' inside the residency' : ''}`,
  });
}

/** Checks the options: duration, zone, scenarios the platform supports. */
function checkDrills(scope: Construct, props: FailoverDrillsProps): { minutes: number; zone: string; scenarios: readonly DrillScenario[] } {
  const checks = new Checks(scope);
  const minutes = checks.integer('durationMinutes', props.durationMinutes ?? 10, 5, 60, 'a drill lasts at least the alerts\' 5-minute windows and at most an hour', 10);
  const scenarios = props.scenarios ?? DRILL_SCENARIOS.filter((s) => supported(s, props));
  if (props.scenarios !== undefined && scenarios.length === 0) checks.fail({ prop: 'scenarios', value: scenarios, problem: 'no scenario, so the drills stack would hold no experiment', fix: `name at least one of ${DRILL_SCENARIOS.join(', ')}, or drop drills` });
  if (new Set(scenarios).size !== scenarios.length) checks.fail({ prop: 'scenarios', value: scenarios, problem: 'a scenario is named twice', fix: 'name each scenario once' });
  if (props.zone !== undefined && !scenarios.includes('zoneLoss')) {
    checks.fail({ prop: 'zone', value: props.zone, problem: `only a zoneLoss drill shuts a zone down, and ${props.scenarios ? 'scenarios leaves it out' : 'the platform has no region with zones'}, so the zone would be ignored`, fix: "drop zone, or add 'zoneLoss' to scenarios" });
  }
  for (const s of props.scenarios ?? []) {
    if (!supported(s, props)) checks.fail({ prop: 'scenarios', value: s, problem: UNSUPPORTED[s as keyof typeof UNSUPPORTED].problem, fix: `drop '${s}'` });
  }
  checks.throwIfAny();
  return { minutes, zone: props.zone ?? '1', scenarios };
}

/** Why a scenario cannot be drilled, for those that may not be (every stamp has a Key Vault). */
const UNSUPPORTED: { readonly [s in Exclude<DrillScenario, 'keyVaultLoss'>]: { readonly problem: string; readonly supported: (props: FailoverDrillsProps) => boolean } } = {
  zoneLoss: { problem: 'no region of the platform is zone-redundant, so there is no zone to lose', supported: (props) => props.placements.some((p) => p.zoneRedundant) },
  regionLoss: { problem: 'the platform has one region: losing it is an outage, not a failover to rehearse', supported: (props) => props.placements.length > 1 },
  eventBusLoss: { problem: 'the drill disables a Service Bus topic, and the platform has no Service Bus event bus (eventBus with EventTransport.serviceBus(), the default; Chaos Studio has no Event Grid or Event Hubs fault)', supported: (props) => (props.serviceBusTopics ?? []).length > 0 },
};

const supported = (s: DrillScenario, props: FailoverDrillsProps): boolean => s === 'keyVaultLoss' || UNSUPPORTED[s].supported(props);
