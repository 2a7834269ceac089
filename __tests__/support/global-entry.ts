import { TerraformOutput } from 'cdktf';
import { ValidationError } from '../../lib/core/errors';
import { RegionalIngress } from '../../lib/common/regional-ingress';
import { GlobalEntry } from '../../lib/global-entry/global-entry';
import { GlobalEntryProps } from '../../lib/global-entry/global-entry-types';
import { StackJson, synthStack, testStack } from './synth';

// Builders for unit tests of lib/global-entry: a standalone GlobalEntry deploying into an existing group 'rg-edge'.
// Call them inside a test (one stack per test), never at describe level.

/** Each region's stamp ingress: node group `rg-<region>-aks-nodes`, order at .10 and tracking at .11 of `10.100.<5 + 16 i>.0/24`. */
export function ingressFor(regions: readonly string[]): RegionalIngress[] {
  return regions.map((region, i) => ({
    region,
    nodeResourceGroup: `rg-${region}-aks-nodes`,
    subnetName: 'snet-ingress',
    subnetCidr: `10.100.${16 * i + 5}.0/24`,
    podCidr: '192.168.0.0/16',
    services: {
      order: { privateIp: `10.100.${16 * i + 5}.10`, privateLinkServiceName: 'pls-order-api' },
      tracking: { privateIp: `10.100.${16 * i + 5}.11`, privateLinkServiceName: 'pls-tracking-api' },
    },
  }));
}

/** Public origins `orders-<region>.contoso.com` / `tracking-<region>.contoso.com` of the given services in every region. */
export function publicFor(regions: readonly string[], services: readonly ('order' | 'tracking')[] = ['order', 'tracking']): { [region: string]: { [service: string]: string } } {
  return Object.fromEntries(regions.map((r) => [r, Object.fromEntries(services.map((s) => [s, `${s === 'order' ? 'orders' : 'tracking'}-${r}.contoso.com`]))]));
}

/** Names the services' certificates cover (Front Door checks them against the origin host header). */
export const HEADERS = { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' } as const;

/** API Management options that pass every check. */
export const APIM = { publisherName: 'Contoso', publisherEmail: 'platform@contoso.com', jwt: { issuer: 'https://login.microsoftonline.com/t/v2.0', audiences: ['api://orders'] } };

/** Props of a GlobalEntry: prefix `shop`, ingress for the regions, the group `rg-edge`; the rest as given. */
export function entryProps(props: Partial<GlobalEntryProps> & Pick<GlobalEntryProps, 'pattern' | 'regions'>): GlobalEntryProps {
  return { prefix: 'shop', ingress: ingressFor(props.regions), resourceGroupName: 'rg-edge', ...props };
}

/** Builds a GlobalEntry `Entry` in a test stack and synthesizes it; `outputs` names values to synthesize as stack outputs. */
export function synthEntry(props: GlobalEntryProps, outputs: (e: GlobalEntry) => Record<string, string> = () => ({})): { entry: GlobalEntry; json: StackJson } {
  const stack = testStack();
  const entry = new GlobalEntry(stack, 'Entry', props);
  for (const [name, value] of Object.entries(outputs(entry))) new TerraformOutput(stack, name, { value });
  return { entry, json: synthStack(stack) };
}

/** Every violation the props raise, as [prop, value, problem, fix] (fails the test when they are accepted). */
export function violations(props: unknown): unknown[][] {
  try {
    new GlobalEntry(testStack(), 'Entry', props as GlobalEntryProps);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    for (const v of e.violations) expect(v.constructPath).toBe('test/Entry');
    return e.violations.map((v) => [v.prop, v.value, v.problem, v.fix]);
  }
  throw new Error(`accepted ${JSON.stringify(props)}`);
}

/** The logical ID of the resource (or data source) `Entry/<constructId>` of a type (fails the test when there is none). */
export function logicalId(json: StackJson, type: string, constructId: string): string {
  const byId = { ...(json.resource[type] ?? {}), ...(json.data?.[type] ?? {}) };
  constructId = constructId.replace(/[^A-Za-z0-9_-]/g, ''); // as cdktf writes it in logical IDs
  const ids = Object.keys(byId).filter((id) => id.startsWith(`Entry_${constructId}_`) && /^[0-9A-F]{8}$/.test(id.slice(`Entry_${constructId}_`.length)));
  if (ids.length !== 1) throw new Error(`expected one ${type} Entry/${constructId}, found ${ids.length} among ${Object.keys(byId).join(', ')}`);
  return ids[0];
}

/** The synthesized body of the resource `Entry/<constructId>` of a type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function resource(json: StackJson, type: string, constructId: string): any {
  return json.resource[type][logicalId(json, type, constructId)];
}

/** A reference to an attribute of the resource `Entry/<constructId>` (`${type.id.attr}`), as the synth writes it. */
export function ref(json: StackJson, type: string, constructId: string, attribute = 'id'): string {
  const id = logicalId(json, type, constructId);
  return json.data?.[type]?.[id] ? `\${data.${type}.${id}.${attribute}}` : `\${${type}.${id}.${attribute}}`;
}

/** A `depends_on` entry for the resource `Entry/<constructId>`. */
export function dependency(json: StackJson, type: string, constructId: string): string {
  return `${type}.${logicalId(json, type, constructId)}`;
}

/** The library's own tags on the entry's resources under a pattern. */
export function ownTags(pattern: string): { [key: string]: string } {
  return { 'managed-by': 'cdktf-order-platform', component: 'global-entry', pattern };
}
