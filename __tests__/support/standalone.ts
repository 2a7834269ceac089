import type { IRegionalMonitoring } from '../../lib';

// What a construct used on its own needs from its surroundings: a monitoring sink per region (the constructs
// create no workspace) and, for the data tier, resource groups (existing or created when asked).

/** A monitoring sink in `region`, as a user's own Log Analytics workspace and Application Insights would be. */
export function sink(region: string): IRegionalMonitoring {
  return {
    workspaceId: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-monitoring/providers/Microsoft.OperationalInsights/workspaces/log-${region}`,
    appInsightsConnectionString: `InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://${region}.in.applicationinsights.azure.com/`,
  };
}

/** One sink per region, keyed by region name. */
export function sinks(regions: readonly string[]): { [region: string]: IRegionalMonitoring } {
  return Object.fromEntries(regions.map((region) => [region, sink(region)]));
}

/** Data-tier props for a construct that creates its own resource groups and reports to a sink per region. */
export function ownGroups(regions: readonly string[]): { readonly createResourceGroups: true; readonly monitoring: { [region: string]: IRegionalMonitoring } } {
  return { createResourceGroups: true, monitoring: sinks(regions) };
}
