import { opt, shapes, strictShape } from '../core/validate';
import { DRILL_SCENARIOS, FailoverDrillsOptions } from './failover-drills-types';

// Internal: the run-time shape of the drills options (not exported from the package).

/** The run-time shape of `FailoverDrillsOptions` (the platform's `drills`). */
export const FAILOVER_DRILLS_OPTIONS_SHAPE = strictShape<FailoverDrillsOptions>({
  durationMinutes: opt(shapes.number()), zone: opt(shapes.oneOf(['1', '2', '3'])), scenarios: opt(shapes.list(shapes.oneOf(DRILL_SCENARIOS), 'a list of drill scenarios')),
});
