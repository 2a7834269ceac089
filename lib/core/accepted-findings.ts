import { TerraformResource } from 'cdktf';

/**
 * A rule of the pack (docs/rules.md) that a resource is meant not to satisfy, because a prop asked for it (e.g.
 * `RemovalPolicy.DESTROY`, `highAvailability: false`): written into the resource's Terraform JSON as a comment
 * (`"//": { "acceptedFindings": [...] }`, which Terraform ignores), so the rule pack reports the finding as suppressed
 * with this reason wherever it reads the JSON, at synth time or from a `cdktf.out` folder.
 */
export interface AcceptedFinding {
  /** The rule's id (`OP-PLT-001`). */
  readonly ruleId: string;
  /** Why, naming the prop that chose it. */
  readonly reason: string;
}

/** The key, under the resource's `//` comment, of its accepted findings. */
export const ACCEPTED_FINDINGS_KEY = 'acceptedFindings';

const accepted = new WeakMap<TerraformResource, AcceptedFinding[]>();

/** Records that `resource` deliberately does not satisfy a rule, with the reason the rule report shows. */
export function acceptFinding(resource: TerraformResource, ruleId: string, reason: string): void {
  const list = [...(accepted.get(resource) ?? []).filter((a) => a.ruleId !== ruleId), { ruleId, reason }];
  accepted.set(resource, list);
  resource.addOverride(`//.${ACCEPTED_FINDINGS_KEY}`, list);
}
