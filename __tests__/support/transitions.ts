import { StackJson } from './synth';
import { JsonObject } from '../../lib/rules/synthesized';
import { capacity as libCapacity, CapacityReport } from '../../lib/insight/capacity';
import { Change, harmful, plan as libPlan, replaceForcingAttributes, STATEFUL_TYPES, SERVING_TYPES, valuesAt } from '../../lib/insight/plan';

// The transitions model lives in lib/insight (it also serves `order-platform diff`); these wrappers take the tests'
// loosely typed stacks.
export { harmful, replaceForcingAttributes, STATEFUL_TYPES, SERVING_TYPES };
export type { CapacityReport, Change };

/** Every resource change between two synths of the same app. */
export function plan(before: Record<string, StackJson>, after: Record<string, StackJson>): Change[] {
  return libPlan(before as unknown as Record<string, JsonObject>, after as unknown as Record<string, JsonObject>);
}

/** The serving capacity of one service in one `-apps` stack across an apply. */
export function capacity(before: StackJson | undefined, after: StackJson | undefined, service: string): CapacityReport {
  return libCapacity(before as unknown as JsonObject | undefined, after as unknown as JsonObject | undefined, service);
}

/**
 * The names and replacement contract: for every stateful resource, one line with its address, its name and the value
 * of every attribute that would replace it if changed. A rename is then as loud as an address move.
 */
export function replacementContract(stacks: Record<string, StackJson>): string[] {
  const lines: string[] = [];
  for (const [stack, json] of Object.entries(stacks)) {
    for (const type of STATEFUL_TYPES) {
      for (const [id, resource] of Object.entries(json.resource?.[type] ?? {})) {
        const attrs = replaceForcingAttributes(type);
        const values = attrs.map((attr) => [attr, valuesAt(resource, attr.split('.'))] as const).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.every((x) => x === undefined || x === null)));
        lines.push(`${stack} ${type}.${id} ${values.map(([attr, v]) => `${attr}=${JSON.stringify(v)}`).join(' ')}`);
      }
    }
  }
  return lines.sort();
}
