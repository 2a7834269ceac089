import { ValidationError } from '../../lib/core/errors';
import { Observability } from '../../lib/monitoring/observability';
import type { ObservabilityProps } from '../../lib/monitoring/observability-types';
import { testStack } from './synth';

// Shared by the unit tests of lib/monitoring/observability.ts and its parts.

/** The resource groups of the test subscription. */
export const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups';

/** An Azure resource ID in the test subscription. */
export const azureId = (rg: string, type: string, name: string): string => `${SUB}/${rg}/providers/${type}/${name}`;

/** [prop, value, problem, fix] of every violation `base` with `props` over it raises (fails the test when accepted). */
export function observabilityViolations(base: ObservabilityProps, props: Record<string, unknown>): unknown[][] {
  try {
    new Observability(testStack(), 'Obs', { ...base, ...props } as ObservabilityProps);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).violations.map((v) => [v.prop, v.value, v.problem, v.fix]);
  }
  throw new Error(`accepted ${JSON.stringify(props)}`);
}
