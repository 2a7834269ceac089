import { shapes } from '../core/validate';
import type { IRegionalMonitoring } from './regional-monitoring';

// Internal: run-time shapes of the monitoring contract (not exported from the package).

/** A monitoring sink: anything with a workspace ID and an Application Insights connection string. */
export const MONITORING_SINK_SHAPE = shapes.like<IRegionalMonitoring>({ workspaceId: shapes.string(), appInsightsConnectionString: shapes.string() }, 'a monitoring sink (RegionalMonitoring)');
