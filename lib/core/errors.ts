import { IConstruct } from 'constructs';

/** What a {@link ValidationError} reports. */
export interface ValidationErrorDetails {
  /** The construct (or a label such as `RedundancyPattern.activeActive`) whose input is wrong. */
  readonly scope: IConstruct | string;
  /** The prop that holds the bad value, dotted for nested props (`systemPool.minCount`). */
  readonly prop: string;
  /** The value given. */
  readonly value: unknown;
  /** What is wrong with it. */
  readonly problem: string;
  /** How to fix it. */
  readonly fix: string;
}

/**
 * Bad input, detected at synth time: names the construct path, the prop, the value and the fix.
 *
 * Thrown from constructors (or from `node.addValidation` checks for cross-construct rules) so that a
 * mistake surfaces in `cdktf synth`, not in a failed `terraform apply` an hour later.
 */
export class ValidationError extends Error {
  /** Construct path (or label) of the construct whose input is wrong. */
  public readonly constructPath: string;
  /** The prop that holds the bad value. */
  public readonly prop: string;
  /** The value given. */
  public readonly value: unknown;
  /** How to fix it. */
  public readonly fix: string;

  constructor(details: ValidationErrorDetails) {
    const path = typeof details.scope === 'string' ? details.scope : details.scope.node.path || '<root>';
    super(`${path}: invalid ${details.prop} ${formatValue(details.value)}: ${details.problem}. Fix: ${details.fix}`);
    this.name = 'ValidationError';
    this.constructPath = path;
    this.prop = details.prop;
    this.value = details.value;
    this.fix = details.fix;
  }
}

/** Renders a value for an error message: JSON for data, `undefined` spelled out. */
function formatValue(value: unknown): string {
  if (value === undefined) return '(undefined)';
  try {
    const json = JSON.stringify(value);
    return json.length > 200 ? `${json.slice(0, 197)}...` : json;
  } catch {
    return String(value);
  }
}
