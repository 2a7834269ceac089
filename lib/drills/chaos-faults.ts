/**
 * The Azure Chaos Studio faults the failover drills use: target types, capabilities, URNs and the built-in role each
 * fault's experiment identity needs on its target.
 *
 * Sources: Microsoft Learn, "Azure Chaos Studio fault and action library" (URNs, parameters, continuous or discrete)
 * and "Supported resource types and role assignments for Azure Chaos Studio" (roles); the capability and target names
 * are validated by the provider against Azure's list at create time (terraform-provider-azurerm v4.55.0,
 * internal/services/chaosstudio/chaos_studio_target_resource_create.go and chaos_studio_capability_resource.go).
 */

/** A fault: the target type onboarded on the resource, its capability, the action's URN and the identity's role. */
export interface ChaosFault {
  /** `target_type` of `azurerm_chaos_studio_target`. */
  readonly targetType: string;
  /** `capability_type` of `azurerm_chaos_studio_capability`. */
  readonly capability: string;
  /** The action's `urn`. */
  readonly urn: string;
  /** Built-in role the experiment's identity needs on the target resource. */
  readonly role: string;
}

/**
 * The faults, by what they do.
 * - `nsgRule`: adds a security rule to a network security group for the action's duration, then removes it. Version
 *   1.0: 1.1's `flushConnection` has an open known issue (FlushingNetworkSecurityGroupConnectionIsNotEnabled). Its
 *   allow/deny parameter is `action`, as the fault library's parameter table names it (the page's sample JSON writes
 *   `access`, which the table does not list).
 * - `cosmosFailover`: moves a single-write account's write region to a read region for the duration, then back.
 * - `vmssShutdown`: shuts down the scale set's instances (of the zones the selector's filter names) for the duration.
 * - `serviceBusTopicState`: sets a topic's state (discrete: the drill sets it back itself).
 */
export const CHAOS_FAULTS = {
  nsgRule: { targetType: 'Microsoft-NetworkSecurityGroup', capability: 'SecurityRule-1.0', urn: 'urn:csci:microsoft:networkSecurityGroup:securityRule/1.0', role: 'Network Contributor' },
  cosmosFailover: { targetType: 'Microsoft-CosmosDB', capability: 'Failover-1.0', urn: 'urn:csci:microsoft:cosmosDB:failover/1.0', role: 'Cosmos DB Operator' },
  vmssShutdown: { targetType: 'Microsoft-VirtualMachineScaleSet', capability: 'Shutdown-2.0', urn: 'urn:csci:microsoft:virtualMachineScaleSet:shutdown/2.0', role: 'Virtual Machine Contributor' },
  serviceBusTopicState: { targetType: 'Microsoft-ServiceBus', capability: 'ChangeTopicState-1.0', urn: 'urn:csci:microsoft:serviceBus:changeTopicState/1.0', role: 'Azure Service Bus Data Owner' },
} as const satisfies { readonly [key: string]: ChaosFault };

/**
 * Regions that host Chaos Studio experiments (Microsoft Learn, "Regional availability of Azure Chaos Studio", 2025-04-27).
 * Targets may be in any region Chaos Studio supports; an experiment's definition, runs and history stay in its own
 * region, so a region-pinned cell's drill is placed in one of these inside the cell's residency.
 */
export const EXPERIMENT_REGIONS: readonly string[] = [
  'eastus', 'eastus2', 'westcentralus', 'westus', 'northcentralus', 'centralus', 'uksouth', 'southeastasia', 'japaneast',
  'westeurope', 'swedencentral', 'brazilsouth', 'australiaeast',
];

/** Priorities of the drills' NSG rules: below the stamp's own rules (200 and up), one per rule so drills never collide. */
export const DRILL_RULE_PRIORITIES = { ingress: 100, dataTier: 101, keyVault: 102 } as const;
