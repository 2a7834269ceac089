import { TerraformOutput, TerraformStack } from 'cdktf';
import { ValidationError } from '../../lib/core/errors';
import { RegionalStamp } from '../../lib/stamp/regional-stamp';
import { WorkloadIdentities, WorkloadIdentitiesProps } from '../../lib/workloads/workload-identities';
import { sink } from '../support/standalone';
import { all, synthStack, testStack } from '../support/synth';

/**
 * Unit tests of `WorkloadIdentities` (lib/workloads/workload-identities.ts): one small stack per test, a stamp and
 * the identities beside it.
 */
function build(props: Partial<WorkloadIdentitiesProps> = {}, region = 'westus3'): { stack: TerraformStack; ids: WorkloadIdentities } {
  const stack = testStack();
  const stamp = new RegionalStamp(stack, 'Stamp', { region, prefix: 'shop', monitoring: sink(region) });
  const ids = new WorkloadIdentities(stack, 'Ids', { stamp, prefix: 'shop', ...props });
  return { stack, ids };
}

/** The error building the identities throws. */
function error(props: Partial<WorkloadIdentitiesProps>): ValidationError {
  try {
    build(props);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error(`accepted ${JSON.stringify(props)}`);
}

describe('WorkloadIdentities', () => {
  test('a user-assigned identity per service, in the stamp\'s region and resource group, named and tagged for the service', () => {
    const { stack } = build();
    const json = synthStack(stack);
    const identities = Object.entries(all(json, 'azurerm_user_assigned_identity')).filter(([id]) => id.startsWith('Ids_'));
    expect(identities.map(([id]) => id)).toEqual([expect.stringMatching(/^Ids_orderIdentity_/), expect.stringMatching(/^Ids_trackingIdentity_/)]);
    expect(identities.map(([, i]) => i)).toEqual([
      { name: 'shop-id-order-api-westus3-83a706', location: 'westus3', resource_group_name: '${azurerm_resource_group.Stamp_ResourceGroup_8747099D.name}', tags: { component: 'workload-identity', service: 'order-api', region: 'westus3' } },
      { name: 'shop-id-tracking-api-westus3-55407b', location: 'westus3', resource_group_name: '${azurerm_resource_group.Stamp_ResourceGroup_8747099D.name}', tags: { component: 'workload-identity', service: 'tracking-api', region: 'westus3' } },
    ]);
  });

  test('each identity is federated with the cluster\'s OIDC issuer for its service account in the default namespace', () => {
    const { stack } = build();
    const json = synthStack(stack);
    const federations = Object.entries(all(json, 'azurerm_federated_identity_credential'));
    expect(federations.map(([id]) => id)).toEqual([expect.stringMatching(/^Ids_orderFederation_/), expect.stringMatching(/^Ids_trackingFederation_/)]);
    expect(federations.map(([, f]) => f)).toEqual(['order', 'tracking'].map((key) => ({
      name: `aks-${key}-api`,
      parent_id: `\${azurerm_user_assigned_identity.${Object.keys(all(json, 'azurerm_user_assigned_identity')).find((id) => id.startsWith(`Ids_${key}Identity_`))}.id}`,
      resource_group_name: '${azurerm_resource_group.Stamp_ResourceGroup_8747099D.name}',
      audience: ['api://AzureADTokenExchange'],
      issuer: '${azurerm_kubernetes_cluster.Stamp_Cluster_6B91003B.oidc_issuer_url}',
      subject: `system:serviceaccount:orders:${key}-api`,
    })));
  });

  test('exposes the identities, their client IDs and the namespace they trust', () => {
    const { stack, ids } = build();
    expect(Object.keys(ids.identities)).toEqual(['order', 'tracking']);
    new TerraformOutput(stack, 'ClientIds', { value: ids.clientIds });
    expect(synthStack(stack).output?.ClientIds.value).toEqual({
      order: `\${azurerm_user_assigned_identity.${stack.getLogicalId(ids.identities.order)}.client_id}`,
      tracking: `\${azurerm_user_assigned_identity.${stack.getLogicalId(ids.identities.tracking)}.client_id}`,
    });
    expect(stack.getLogicalId(ids.identities.order)).toMatch(/^Ids_orderIdentity_/);
    expect(ids.namespace).toBe('orders');
    // The names as literals (the services' database user names), equal to what each identity is created with.
    const json = synthStack(stack);
    expect(ids.names).toEqual({
      order: json.resource.azurerm_user_assigned_identity[stack.getLogicalId(ids.identities.order)].name,
      tracking: json.resource.azurerm_user_assigned_identity[stack.getLogicalId(ids.identities.tracking)].name,
    });
    expect(ids.names.order).toMatch(/^shop-id-order-api-westus3-[0-9a-f]{6}$/);
  });

  test('a namespace of its own is trusted instead, and named in every subject', () => {
    const { stack, ids } = build({ namespace: 'shop-1' });
    expect(ids.namespace).toBe('shop-1');
    const subjects = Object.values(all(synthStack(stack), 'azurerm_federated_identity_credential')).map((f) => f.subject);
    expect(subjects).toEqual(['system:serviceaccount:shop-1:order-api', 'system:serviceaccount:shop-1:tracking-api']);
  });

  test('the region is the stamp\'s', () => {
    const { stack } = build({}, 'eastus2');
    const identities = Object.values(all(synthStack(stack), 'azurerm_user_assigned_identity')).filter((i) => i.tags.component === 'workload-identity');
    expect(identities.map((i) => [i.name, i.location, i.tags.region])).toEqual([
      [expect.stringMatching(/^shop-id-order-api-eastus2-[0-9a-f]{6}$/), 'eastus2', 'eastus2'],
      [expect.stringMatching(/^shop-id-tracking-api-eastus2-[0-9a-f]{6}$/), 'eastus2', 'eastus2'],
    ]);
  });

  test('namespaces of 1 and 63 characters are DNS labels', () => {
    expect(build({ namespace: 'a' }).ids.namespace).toBe('a');
    expect(build({ namespace: `a${'b'.repeat(61)}9` }).ids.namespace).toHaveLength(63);
  });

  test.each([
    ['Orders'], ['1orders'], ['-orders'], ['orders-'], ['orders!'], ['!orders'], ['or_ders'], [`a${'b'.repeat(62)}9`], [''],
  ])('the namespace %j is refused', (namespace) => {
    const e = error({ namespace });
    expect([e.constructPath, e.prop, e.value, e.problem, e.fix]).toEqual(['test/Ids', 'namespace', namespace, 'not a DNS-1123 label', "use lower-case letters, digits and hyphens, e.g. 'orders'"]);
  });

  test('the prefix is checked as every name prefix is', () => {
    const e = error({ prefix: 'Shop' });
    expect([e.prop, e.value]).toEqual(['prefix', 'Shop']);
    expect(e.problem).toMatch(/^a name prefix must be 2-12 lower-case letters or digits/);
  });

  test('the stamp must be a RegionalStamp; no unknown props', () => {
    const notStamp = error({ stamp: { region: { name: 'westus3' } } as never });
    expect([notStamp.prop, notStamp.problem]).toEqual(['stamp', 'expected a RegionalStamp, got an object']);
    const unknown = error({ namespaces: 'x' } as never);
    expect([unknown.prop, unknown.problem, unknown.fix]).toEqual(['namespaces', "unknown option 'namespaces', which would be ignored", "did you mean 'namespace'?"]);
    const badNamespace = error({ namespace: 7 as never });
    expect([badNamespace.prop, badNamespace.problem]).toEqual(['namespace', 'expected a string, got the number 7']);
  });
});
