import { ValidationError } from '../../lib/core/errors';
import { checkShape } from '../../lib/core/validate';
import { MONITORING_SINK_SHAPE } from '../../lib/monitoring/shapes';

/** lib/monitoring/shapes.ts: the run-time shape of a monitoring sink. */

const WORKSPACE = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log';

describe('MONITORING_SINK_SHAPE', () => {
  const problems = (value: unknown) => {
    try {
      checkShape('Stamp', 'monitoring', value, MONITORING_SINK_SHAPE);
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).violations.map((v) => [v.prop, v.problem, v.fix]);
    }
    return [];
  };

  test('anything with a string workspace ID and connection string is a sink, other keys allowed (a construct has many)', () => {
    expect(problems({ workspaceId: WORKSPACE, appInsightsConnectionString: 'InstrumentationKey=x', node: {} })).toEqual([]);
  });

  test('anything else is refused with the words of the shape', () => {
    expect(problems('log')).toEqual([['monitoring', 'expected a monitoring sink (RegionalMonitoring), got the string "log"', 'give a monitoring sink (RegionalMonitoring)']]);
    expect(problems({ workspaceId: 1 })).toEqual([
      ['monitoring.workspaceId', 'expected a string, got the number 1', 'give a string'],
      ['monitoring.appInsightsConnectionString', 'expected a string, got nothing (undefined)', 'give a string'],
    ]);
  });
});
