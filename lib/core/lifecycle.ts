import { IConstruct } from 'constructs';
import { TerraformResource } from 'cdktf';
import { acceptFinding } from './accepted-findings';
import { ValidationError } from './errors';

/** What `terraform destroy` (or a plan that would replace the resource) may do to a stateful resource. */
export enum RemovalPolicy {
  /** `lifecycle.prevent_destroy`: Terraform refuses any plan that destroys or replaces the resource. */
  RETAIN = 'retain',
  /** No protection: for throw-away environments only. */
  DESTROY = 'destroy',
}

/** Validates a removal policy prop (JavaScript callers can pass anything). */
export function checkRemovalPolicy(scope: IConstruct, prop: string, policy: RemovalPolicy | undefined): RemovalPolicy {
  const value = policy ?? RemovalPolicy.RETAIN;
  if (!Object.values(RemovalPolicy).includes(value)) {
    throw new ValidationError({ scope, prop, value, problem: 'unknown removal policy', fix: 'use RemovalPolicy.RETAIN or RemovalPolicy.DESTROY' });
  }
  return value;
}

/**
 * Protects a stateful resource: `prevent_destroy` unless the policy is DESTROY, plus `ignore_changes` for
 * attributes Azure itself changes (so the next plan does not fight the platform or replace the resource);
 * `'all'` ignores every change after creation.
 */
export function protect(resource: TerraformResource, policy: RemovalPolicy, ignoreChanges: string[] | 'all' = []): void {
  resource.lifecycle = {
    ...resource.lifecycle,
    preventDestroy: policy === RemovalPolicy.RETAIN,
    ...(ignoreChanges.length > 0 ? { ignoreChanges } : {}),
  };
  // The rule pack's OP-PLT-001 (prevent_destroy on state) reports this as the user's choice, not an accident.
  if (policy === RemovalPolicy.DESTROY) acceptFinding(resource, 'OP-PLT-001', 'removalPolicy is RemovalPolicy.DESTROY');
}
