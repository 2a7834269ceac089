/**
 * The Kubernetes API objects behind a synthesized stack's `kubernetes_*` resources, and their schema check.
 *
 * cdktf writes Terraform attribute names and block structure (`spec.template.spec.container[0].port[0]`); what
 * reaches the API server is what the Terraform kubernetes provider v2.38.0 builds from them in its expand
 * functions (hashicorp/terraform-provider-kubernetes, tag v2.38.0, directory kubernetes/). This module redoes that
 * conversion, attribute by attribute, so that `kubernetes-models` (the Kubernetes OpenAPI schema) can check the
 * result:
 *
 * - names: Terraform attribute -> API field, from a table per block (never a generic snake -> camel rule, since
 *   the schema accepts unknown fields: a wrong name would pass silently);
 * - blocks: Terraform lists of one block become objects, repeated blocks arrays; where the provider reads only the
 *   first element of a list (`lifecycle.pre_stop`, `topology_spread_constraint.label_selector`, ...) a second
 *   element fails the conversion instead of being dropped as the provider would;
 * - values: the provider's parsing (`replicas` and UIDs are strings parsed as integers, IntOrString fields go
 *   through `intstr.Parse`, quantities through `resource.ParseQuantity`, file modes are octal strings);
 * - defaults: the provider schema's `Default` values are applied to attributes left out, as Terraform does before
 *   the provider sees them, and fields the provider sets through a pointer are sent even when zero
 *   (`allowPrivilegeEscalation: true` when the attribute is left out, `runAsNonRoot: false`, ...), while zero
 *   values of plain fields are left out as Go's `omitempty` does;
 * - provider-only attributes (`wait_for_rollout`, `timeouts`, the meta-arguments) are dropped by name.
 *
 * Anything else fails with the resource address and the attribute path: a new attribute or resource type needs a
 * row here, written from the provider's expand function, before the check passes. Terraform expressions (`${...}`)
 * stay strings where the API field is a string; where the provider parses the value (numbers, IntOrString,
 * quantities, modes) an expression fails the conversion, because neither its type nor its format can be checked.
 */
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import Ajv from 'ajv';
import * as KEDA_CRDS from './keda-crd-schemas.json';

/** A JSON object (Terraform resource body or Kubernetes object). */
export type JsonObject = { [key: string]: unknown };

/** A Kubernetes API object as the provider sends it. */
export interface KubernetesObject extends JsonObject {
  apiVersion: string;
  kind: string;
}

/** A conversion failure: names the resource address and the Terraform attribute path. */
export class KubernetesConversionError extends Error {
  constructor(address: string, path: string, problem: string) {
    super(`${address}${path ? ` ${path}` : ''}: ${problem}`);
    this.name = 'KubernetesConversionError';
  }
}

/** Where a value sits: resource address and attribute path, for error messages. */
class Loc {
  constructor(public readonly address: string, public readonly path: string) {}

  key(name: string): Loc {
    return new Loc(this.address, this.path ? `${this.path}.${name}` : name);
  }

  index(i: number): Loc {
    return new Loc(this.address, `${this.path}[${i}]`);
  }

  fail(problem: string): never {
    throw new KubernetesConversionError(this.address, this.path, problem);
  }
}

/**
 * Converts one attribute or block. `value` is undefined when the attribute is not in the configuration; `parent`
 * is the Terraform block holding it (for fields the provider sets depending on a sibling). Undefined leaves the API
 * field out.
 */
type Convert = (value: unknown, at: Loc, parent: JsonObject) => unknown;

/** One Terraform attribute: the API field it becomes (none: dropped on purpose) and its conversion. */
interface Field {
  readonly api?: string;
  readonly convert: Convert;
}

/** Terraform attribute name -> field, for one block. */
type BlockSpec = { readonly [terraformName: string]: Field };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const isExpression = (v: unknown): boolean => typeof v === 'string' && v.includes('${');

// ---------------------------------------------------------------------------------------------------------------
// Scalars, as Terraform converts JSON values to the attribute type before the provider sees them.

function toStr(v: unknown, at: Loc): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v); // Terraform converts to string
  return at.fail(`expected a string, got ${JSON.stringify(v)}`);
}

function toInt(v: unknown, at: Loc): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (isExpression(v)) return at.fail(`Terraform expression ${JSON.stringify(v)} in a number field: unknown until apply, so its value cannot be checked; use a literal`);
  const n = typeof v === 'string' && /^[+-]?\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) return at.fail(`expected a whole number, got ${JSON.stringify(v)}`);
  return n;
}

function toBool(v: unknown, at: Loc): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  if (isExpression(v)) return at.fail(`Terraform expression ${JSON.stringify(v)} in a boolean field: unknown until apply; use a literal`);
  return at.fail(`expected a boolean, got ${JSON.stringify(v)}`);
}

/** A string the provider parses: an expression there cannot be checked. */
function parsedString(v: unknown, at: Loc, what: string): string | undefined {
  const s = toStr(v, at);
  if (s !== undefined && isExpression(s)) {
    at.fail(`Terraform expression ${JSON.stringify(s)} in a field the provider parses as ${what}: unknown until apply, so neither its type nor its value can be checked; use a literal`);
  }
  return s;
}

const INT32 = 2 ** 31;

/** `strconv.ParseInt(v, 10, bits)`. */
function parseGoInt(s: string, bits: 32 | 64, at: Loc): number {
  if (!/^[+-]?\d+$/.test(s)) return at.fail(`the provider parses ${JSON.stringify(s)} with strconv.ParseInt and fails`);
  const n = Number(s);
  const limit = bits === 32 ? INT32 : 2 ** 63;
  if (n >= limit || n < -limit || !Number.isSafeInteger(n)) return at.fail(`${s} is out of the ${bits}-bit range the provider parses`);
  return n;
}

/** `intstr.Parse` (apimachinery v0.28): `strconv.Atoi` succeeds -> integer, else the string unchanged. */
export function parseIntOrString(s: string): number | string {
  if (!/^[+-]?\d+$/.test(s)) return s;
  const n = Number(s);
  // FromInt truncates to int32 (and logs): never what was meant.
  if (n >= INT32 || n < -INT32) throw new Error(`${s} overflows the int32 of an IntOrString`);
  return n;
}

/** `resource.ParseQuantity` grammar (stricter than the schema's `quantity` format). */
const QUANTITY = /^[+-]?(\d+|\d+\.\d*|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

function checkQuantity(s: string, at: Loc): string {
  if (!QUANTITY.test(s)) at.fail(`${JSON.stringify(s)} is not a Kubernetes quantity (resource.ParseQuantity fails)`);
  // The provider sends the canonical form (`0.5` -> `500m`); the value is the same, so it is kept as written.
  return s;
}

// ---------------------------------------------------------------------------------------------------------------
// Field builders.

interface ScalarOptions<T> {
  /** The provider schema's `Default`. */
  readonly default?: T;
  /** The provider sets the field through a pointer (or the Go field has no omitempty): zero values are sent too. */
  readonly always?: boolean;
}

/** String attribute -> string field (expressions kept: unknown until apply, but a string either way). */
function str(api: string, o: ScalarOptions<string> = {}): Field {
  return {
    api,
    convert: (v, at) => {
      const s = toStr(v, at) ?? o.default ?? '';
      return s === '' && !o.always ? undefined : s;
    },
  };
}

/** Number attribute -> integer field. */
function int(api: string, o: ScalarOptions<number> = {}): Field {
  return {
    api,
    convert: (v, at) => {
      const n = toInt(v, at) ?? o.default ?? 0;
      return n === 0 && !o.always ? undefined : n;
    },
  };
}

/** Boolean attribute -> boolean field. */
function bool(api: string, o: ScalarOptions<boolean> = {}): Field {
  return {
    api,
    convert: (v, at) => {
      const b = toBool(v, at) ?? o.default ?? false;
      return b === false && !o.always ? undefined : b;
    },
  };
}

/** String attribute the provider parses with `strconv.ParseInt` (`replicas`, `run_as_user`, ...); empty: left out. */
function intFromString(api: string, bits: 32 | 64): Field {
  return {
    api,
    convert: (v, at) => {
      const s = parsedString(v, at, 'an integer');
      return s === undefined || s === '' ? undefined : parseGoInt(s, bits, at);
    },
  };
}

/** String attribute the provider passes through `intstr.Parse`: "8443" -> 8443, "https" and "25%" stay strings. */
function intOrString(api: string, o: ScalarOptions<string> = {}): Field {
  return {
    api,
    convert: (v, at) => {
      const s = parsedString(v, at, 'an IntOrString') ?? o.default ?? '';
      if (s === '' && !o.always) return undefined;
      try {
        return parseIntOrString(s);
      } catch (e) {
        return at.fail((e as Error).message);
      }
    },
  };
}

/** String attribute the provider parses as a quantity. */
function quantity(api: string, o: ScalarOptions<string> = {}): Field {
  return {
    api,
    convert: (v, at) => {
      const s = parsedString(v, at, 'a quantity') ?? o.default ?? '';
      return s === '' ? undefined : checkQuantity(s, at);
    },
  };
}

/** Octal file mode string (`"0644"`) -> integer, `strconv.ParseInt(v, 8, 32)` (structures_pod.go). */
function octalMode(api: string, o: ScalarOptions<string> = {}): Field {
  return {
    api,
    convert: (v, at) => {
      const s = parsedString(v, at, 'an octal file mode') ?? o.default ?? '';
      if (s === '') return undefined;
      if (!/^0[0-7]*$/.test(s)) return at.fail(`${JSON.stringify(s)} is not an octal mode starting with 0 (validateModeBits)`);
      return parseInt(s, 8);
    },
  };
}

function stringMapOf(v: unknown, at: Loc, value: (s: string, at: Loc) => string): { [key: string]: string } | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) return at.fail(`expected a map of strings, got ${JSON.stringify(v)}`);
  const out: { [key: string]: string } = {};
  for (const [k, x] of Object.entries(v)) out[k] = value(toStr(x, at.key(k)) ?? '', at.key(k));
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Map attribute -> string map (empty: left out, as the provider's `len(v) > 0` checks and omitempty do). */
function strMap(api: string): Field {
  return { api, convert: (v, at) => stringMapOf(v, at, (s) => s) };
}

/** Map of quantities (`resources.limits`, `resources.requests`), `expandMapToResourceList` (structures.go). */
function quantityMap(api: string): Field {
  return {
    api,
    convert: (v, at) => stringMapOf(v, at, (s, at2) => {
      if (isExpression(s)) at2.fail(`Terraform expression ${JSON.stringify(s)} in a quantity: unknown until apply, so its format cannot be checked; use a literal`);
      return checkQuantity(s, at2);
    }),
  };
}

function listOf(v: unknown, at: Loc): unknown[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) return at.fail(`expected a list, got ${JSON.stringify(v)}`);
  return v;
}

/** List or set of strings (`expandStringSlice`: null elements become ""); empty: left out. */
function strList(api: string): Field {
  return {
    api,
    convert: (v, at) => {
      const list = listOf(v, at)?.map((x, i) => toStr(x, at.index(i)) ?? '');
      return list && list.length > 0 ? list : undefined;
    },
  };
}

/** Set of numbers -> integer array. */
function intList(api: string): Field {
  return {
    api,
    convert: (v, at) => {
      const list = listOf(v, at)?.map((x, i) => toInt(x, at.index(i)) ?? 0);
      return list && list.length > 0 ? list : undefined;
    },
  };
}

/** Provider-only attribute (never sent to the API): dropped. */
function drop(): Field {
  return { convert: () => undefined };
}

/** In the provider schema, but the provider's expand function never reads it: setting it would be silently lost. */
function ignoredByProvider(where: string): Field {
  return {
    convert: (v, at) => (v === undefined || v === null ? undefined : at.fail(`the provider ignores this attribute (${where}): it would never reach the API`)),
  };
}

/** A field computed from the whole Terraform block (fields that depend on siblings). */
function custom(api: string, convert: Convert): Field {
  return { api, convert };
}

/** Fails on the first attribute of a block that the converter does not know. */
function checkAttributes(tf: JsonObject, known: string[], at: Loc): void {
  for (const key of Object.keys(tf)) {
    if (!known.includes(key)) {
      at.key(key).fail('attribute not known to the converter: map it in __tests__/support/kubernetes-objects.ts following the provider\'s expand function (kubernetes provider v2.38.0), or drop it there if the provider never sends it');
    }
  }
}

/** Converts one Terraform block body: every attribute must be known; every field gets its default. */
function convertBlock(body: unknown, spec: BlockSpec, at: Loc): JsonObject {
  // An empty block (`pod_selector {}`) reaches the provider as a nil element: handled as an empty body.
  const tf = body === null || body === undefined ? {} : body;
  if (!isObject(tf)) return at.fail(`expected a block, got ${JSON.stringify(body)}`);
  checkAttributes(tf, Object.keys(spec), at);
  const out: JsonObject = {};
  for (const [key, field] of Object.entries(spec)) {
    const value = field.convert(tf[key] === null ? undefined : tf[key], at.key(key), tf);
    if (field.api !== undefined && value !== undefined) out[field.api] = value;
  }
  return out;
}

/** Block elements as Terraform JSON allows them: an array of bodies, or one body object. */
function blockElements(v: unknown, at: Loc): unknown[] {
  if (v === undefined || v === null) return [];
  if (isExpression(v)) return at.fail(`Terraform expression ${JSON.stringify(v)} where a block is expected: its content cannot be checked`);
  return Array.isArray(v) ? v : [v];
}

interface BlockOptions {
  /** What the provider sends when the block is absent (default: nothing). */
  readonly absent?: () => unknown;
}

/** A block with `MaxItems: 1` -> one object. */
function single(api: string, spec: BlockSpec, o: BlockOptions = {}): Field {
  return {
    api,
    convert: (v, at) => {
      const items = blockElements(v, at);
      if (items.length === 0) return o.absent?.();
      if (items.length > 1) return at.fail(`${items.length} blocks where the provider schema allows one`);
      return convertBlock(items[0], spec, at);
    },
  };
}

/**
 * A Terraform list the provider reads only the first element of (`l[0]`) -> one object. A second element would be
 * silently dropped by the provider, so it fails here.
 */
function first(api: string, spec: BlockSpec, o: BlockOptions = {}): Field {
  return {
    api,
    convert: (v, at) => {
      const items = blockElements(v, at);
      if (items.length === 0) return o.absent?.();
      if (items.length > 1) return at.fail(`${items.length} blocks, but the provider sends only the first one (the others would be silently dropped)`);
      return convertBlock(items[0], spec, at.index(0));
    },
  };
}

/** A repeated block -> array of objects (empty: left out). */
function list(api: string, spec: BlockSpec): Field {
  return {
    api,
    convert: (v, at) => {
      const items = blockElements(v, at);
      if (items.length === 0) return undefined;
      return items.map((item, i) => convertBlock(item, spec, at.index(i)));
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Shared blocks.

/** Terraform meta-arguments and cdktf bookkeeping, on every resource: never sent. */
const META: BlockSpec = {
  '//': drop(), // cdktf metadata (construct path)
  count: drop(),
  for_each: drop(),
  depends_on: drop(),
  provider: drop(),
  lifecycle: drop(),
  provisioner: drop(),
  connection: drop(),
  timeouts: drop(),
};

/** `expandMetadata` (structures.go), schema in schema_metadata.go. */
function metadata(kind: 'cluster' | 'namespaced' | 'template'): BlockSpec {
  const spec: { [key: string]: Field } = {
    annotations: strMap('annotations'),
    labels: strMap('labels'),
    name: str('name'),
    generate_name: str('generateName'),
  };
  // namespacedMetadataSchemaIsTemplate: `namespace` defaults to "default" except in pod templates.
  if (kind === 'namespaced') spec.namespace = str('namespace', { default: 'default' });
  if (kind === 'template') spec.namespace = str('namespace');
  return spec;
}

/** `expandLabelSelectorRequirement` (structure_label_selector.go). */
const LABEL_SELECTOR_REQUIREMENT: BlockSpec = {
  key: str('key', { always: true }),
  operator: str('operator', { always: true }),
  values: strList('values'),
};

/** `expandLabelSelector` (structure_label_selector.go). */
const LABEL_SELECTOR: BlockSpec = {
  match_labels: strMap('matchLabels'),
  match_expressions: list('matchExpressions', LABEL_SELECTOR_REQUIREMENT),
};

/** `expandLocalObjectReference` / `expandLocalObjectReferenceArray`. */
const LOCAL_OBJECT_REFERENCE: BlockSpec = { name: str('name') };

// ---------------------------------------------------------------------------------------------------------------
// Pod template (schema_pod_spec.go, schema_container.go; structures_pod.go, structures_container.go).

/** `expandSeccompProfile`: `localhost_profile` is sent only with type Localhost. */
const SECCOMP_PROFILE: BlockSpec = {
  type: str('type', { default: 'Unconfined' }),
  localhost_profile: custom('localhostProfile', (v, at, parent) => {
    const profile = toStr(v, at) ?? '';
    if ((toStr(parent.type, at) ?? 'Unconfined') === 'Localhost') return profile;
    return profile === '' ? undefined : at.fail('the provider sends localhost_profile only with type = "Localhost"');
  }),
};

/** `expandSeLinuxOptions`. */
const SE_LINUX_OPTIONS: BlockSpec = { level: str('level'), role: str('role'), type: str('type'), user: str('user') };

/** `expandPodSecurityContext` (structures_pod.go): `run_as_non_root` is always set through a pointer. */
const POD_SECURITY_CONTEXT: BlockSpec = {
  fs_group: intFromString('fsGroup', 64),
  run_as_group: intFromString('runAsGroup', 64),
  run_as_user: intFromString('runAsUser', 64),
  run_as_non_root: bool('runAsNonRoot', { always: true }),
  seccomp_profile: single('seccompProfile', SECCOMP_PROFILE),
  se_linux_options: single('seLinuxOptions', SE_LINUX_OPTIONS),
  supplemental_groups: intList('supplementalGroups'),
  sysctl: list('sysctls', { name: str('name', { always: true }), value: str('value', { always: true }) }),
  fs_group_change_policy: str('fsGroupChangePolicy'),
  // expandWindowsOptions sets every field through a pointer, even when empty.
  windows_options: single('windowsOptions', {
    gmsa_credential_spec: str('gmsaCredentialSpec', { always: true }),
    gmsa_credential_spec_name: str('gmsaCredentialSpecName', { always: true }),
    host_process: bool('hostProcess', { always: true }),
    run_as_username: str('runAsUserName', { always: true }),
  }),
};

/** `expandContainerSecurityContext` (structures_container.go): booleans always set through pointers. */
const CONTAINER_SECURITY_CONTEXT: BlockSpec = {
  allow_privilege_escalation: bool('allowPrivilegeEscalation', { default: true, always: true }),
  capabilities: single('capabilities', { add: strList('add'), drop: strList('drop') }),
  privileged: bool('privileged', { always: true }),
  read_only_root_filesystem: bool('readOnlyRootFilesystem', { always: true }),
  run_as_group: intFromString('runAsGroup', 64),
  run_as_non_root: bool('runAsNonRoot', { always: true }),
  run_as_user: intFromString('runAsUser', 64),
  seccomp_profile: single('seccompProfile', SECCOMP_PROFILE),
  se_linux_options: single('seLinuxOptions', SE_LINUX_OPTIONS),
};

/** `expandExec`, `expandHTTPGet`, `expandTCPSocket` (structures_container.go). */
const EXEC: BlockSpec = { command: strList('command') };
const HTTP_GET: BlockSpec = {
  host: str('host'),
  path: str('path'),
  scheme: str('scheme', { default: 'HTTP' }),
  port: intOrString('port'),
  http_header: list('httpHeaders', { name: str('name', { always: true }), value: str('value', { always: true }) }),
};
const TCP_SOCKET: BlockSpec = { port: intOrString('port', { always: true }) };

/** `expandLifecycleHandlers`: a Terraform list, of which the provider sends the first element as an object. */
const LIFECYCLE_HANDLER: BlockSpec = {
  exec: single('exec', EXEC),
  http_get: single('httpGet', HTTP_GET),
  tcp_socket: first('tcpSocket', TCP_SOCKET),
};

/** `expandProbe` (structures_container.go), defaults from `probeSchema` (schema_container.go). */
const PROBE: BlockSpec = {
  ...LIFECYCLE_HANDLER,
  grpc: first('grpc', { port: int('port', { always: true }), service: str('service', { always: true }) }),
  failure_threshold: int('failureThreshold', { default: 3 }),
  initial_delay_seconds: int('initialDelaySeconds'),
  period_seconds: int('periodSeconds', { default: 10 }),
  success_threshold: int('successThreshold', { default: 1 }),
  timeout_seconds: int('timeoutSeconds', { default: 1 }),
};

/** `expandFieldRef`, `expandResourceFieldRef` (structures_container.go). */
const FIELD_REF: BlockSpec = { api_version: str('apiVersion', { default: 'v1' }), field_path: str('fieldPath') };
const RESOURCE_FIELD_REF: BlockSpec = {
  container_name: str('containerName'),
  resource: str('resource', { always: true }),
  divisor: quantity('divisor', { default: '1' }),
};
/** `expandConfigMapKeyRef` / `expandSecretKeyRef`: `optional` always set through a pointer. */
const KEY_REF: BlockSpec = { key: str('key', { always: true }), name: str('name'), optional: bool('optional', { always: true }) };
/** `expandConfigMapRef` / `expandSecretRef`. */
const ENV_SOURCE_REF: BlockSpec = { name: str('name'), optional: bool('optional', { always: true }) };

/** `expandContainers` (structures_container.go). */
const CONTAINER: BlockSpec = {
  name: str('name', { always: true }),
  image: str('image'),
  command: strList('command'),
  args: strList('args'),
  working_dir: str('workingDir'),
  port: list('ports', {
    container_port: int('containerPort', { always: true }),
    host_ip: str('hostIP'),
    host_port: int('hostPort'),
    name: str('name'),
    protocol: str('protocol', { default: 'TCP' }),
  }),
  env: list('env', {
    name: str('name', { always: true }),
    value: str('value'),
    value_from: single('valueFrom', {
      config_map_key_ref: single('configMapKeyRef', KEY_REF),
      field_ref: single('fieldRef', FIELD_REF),
      resource_field_ref: single('resourceFieldRef', RESOURCE_FIELD_REF),
      secret_key_ref: single('secretKeyRef', KEY_REF),
    }),
  }),
  env_from: list('envFrom', {
    config_map_ref: single('configMapRef', ENV_SOURCE_REF),
    prefix: str('prefix'),
    secret_ref: single('secretRef', ENV_SOURCE_REF),
  }),
  resources: single('resources', { limits: quantityMap('limits'), requests: quantityMap('requests') }),
  image_pull_policy: str('imagePullPolicy'),
  // `pre_stop` / `post_start` are lists in Terraform; expandLifeCycle sends the first element as an object.
  lifecycle: single('lifecycle', { post_start: first('postStart', LIFECYCLE_HANDLER), pre_stop: first('preStop', LIFECYCLE_HANDLER) }),
  liveness_probe: single('livenessProbe', PROBE),
  readiness_probe: single('readinessProbe', PROBE),
  startup_probe: single('startupProbe', PROBE),
  security_context: single('securityContext', CONTAINER_SECURITY_CONTEXT),
  stdin: bool('stdin'),
  stdin_once: bool('stdinOnce'),
  tty: bool('tty'),
  termination_message_path: str('terminationMessagePath', { default: '/dev/termination-log' }),
  termination_message_policy: str('terminationMessagePolicy'),
  volume_mount: list('volumeMounts', {
    mount_path: str('mountPath', { always: true }),
    name: str('name', { always: true }),
    read_only: bool('readOnly'),
    sub_path: str('subPath'),
    sub_path_expr: str('subPathExpr'),
    // expandContainerVolumeMounts always sets it through a pointer (schema default "None").
    mount_propagation: str('mountPropagation', { default: 'None', always: true }),
  }),
  volume_device: list('volumeDevices', { device_path: str('devicePath', { always: true }), name: str('name', { always: true }) }),
};

/** `expandKeyPath` (structures_pod.go). */
const KEY_TO_PATH: BlockSpec = { key: str('key', { always: true }), mode: octalMode('mode'), path: str('path', { always: true }) };

/** `expandDownwardAPIVolumeFile` (structures_pod.go). */
const DOWNWARD_API_FILE: BlockSpec = {
  field_ref: single('fieldRef', FIELD_REF),
  mode: octalMode('mode'),
  path: str('path', { always: true }),
  resource_field_ref: single('resourceFieldRef', RESOURCE_FIELD_REF),
};

/**
 * `expandProjectedSources` (structures_pod.go): every block of every `sources` element becomes its own projection,
 * in the order secret, config_map, downward_api, service_account_token.
 */
const PROJECTIONS: [terraformName: string, api: string, spec: BlockSpec][] = [
  ['secret', 'secret', { name: str('name'), items: list('items', KEY_TO_PATH), optional: bool('optional', { always: true }) }],
  ['config_map', 'configMap', { name: str('name'), items: list('items', KEY_TO_PATH), optional: bool('optional', { always: true }) }],
  ['downward_api', 'downwardAPI', { items: list('items', DOWNWARD_API_FILE) }],
  ['service_account_token', 'serviceAccountToken', {
    audience: str('audience'),
    expiration_seconds: int('expirationSeconds', { default: 3600, always: true }),
    path: str('path', { always: true }),
  }],
];
const projectedSources = custom('sources', (v, at) => {
  const projections: JsonObject[] = [];
  blockElements(v, at).forEach((element, i) => {
    const here = at.index(i);
    const body = element ?? {};
    if (!isObject(body)) return here.fail(`expected a block, got ${JSON.stringify(element)}`);
    checkAttributes(body, PROJECTIONS.map(([tf]) => tf), here);
    for (const [tf, api, spec] of PROJECTIONS) {
      blockElements(body[tf], here.key(tf)).forEach((b, j) => projections.push({ [api]: convertBlock(b, spec, here.key(tf).index(j)) }));
    }
  });
  return projections.length > 0 ? projections : undefined;
});

/** `expandVolumes` (structures_pod.go): the volume sources a workload on AKS plausibly uses. */
const VOLUME: BlockSpec = {
  name: str('name', { always: true }),
  empty_dir: single('emptyDir', { medium: str('medium'), size_limit: quantity('sizeLimit') }),
  config_map: single('configMap', {
    default_mode: octalMode('defaultMode', { default: '0644' }),
    name: str('name'),
    optional: bool('optional', { always: true }),
    items: list('items', KEY_TO_PATH),
  }),
  secret: single('secret', {
    default_mode: octalMode('defaultMode', { default: '0644' }),
    secret_name: str('secretName'),
    optional: bool('optional', { always: true }),
    items: list('items', KEY_TO_PATH),
  }),
  downward_api: single('downwardAPI', { default_mode: octalMode('defaultMode', { default: '0644' }), items: list('items', DOWNWARD_API_FILE) }),
  persistent_volume_claim: single('persistentVolumeClaim', { claim_name: str('claimName'), read_only: bool('readOnly') }),
  projected: first('projected', { default_mode: octalMode('defaultMode', { default: '0644' }), sources: projectedSources }),
  // expandCSIVolumeSource (structure_persistent_volume_spec.go): read_only and fs_type always set through pointers.
  csi: single('csi', {
    driver: str('driver', { always: true }),
    read_only: bool('readOnly', { always: true }),
    fs_type: str('fsType', { always: true }),
    volume_attributes: strMap('volumeAttributes'),
    node_publish_secret_ref: single('nodePublishSecretRef', LOCAL_OBJECT_REFERENCE),
  }),
};

/** `expandNodeSelectorTerm` (structures.go). */
const NODE_SELECTOR_TERM: BlockSpec = {
  match_expressions: list('matchExpressions', LABEL_SELECTOR_REQUIREMENT),
  match_fields: list('matchFields', LABEL_SELECTOR_REQUIREMENT),
};

/** `expandPodAffinityTerms` (structures_affinity.go): selectors are lists the provider reads the first of. */
const POD_AFFINITY_TERM: BlockSpec = {
  label_selector: first('labelSelector', LABEL_SELECTOR),
  namespace_selector: first('namespaceSelector', LABEL_SELECTOR),
  namespaces: strList('namespaces'),
  topology_key: str('topologyKey', { always: true }),
};

const POD_AFFINITY: BlockSpec = {
  required_during_scheduling_ignored_during_execution: list('requiredDuringSchedulingIgnoredDuringExecution', POD_AFFINITY_TERM),
  preferred_during_scheduling_ignored_during_execution: list('preferredDuringSchedulingIgnoredDuringExecution', {
    weight: int('weight', { always: true }),
    pod_affinity_term: single('podAffinityTerm', POD_AFFINITY_TERM),
  }),
};

/** `expandAffinity` (structures_affinity.go). */
const AFFINITY: BlockSpec = {
  node_affinity: single('nodeAffinity', {
    required_during_scheduling_ignored_during_execution: single('requiredDuringSchedulingIgnoredDuringExecution', {
      node_selector_term: list('nodeSelectorTerms', NODE_SELECTOR_TERM),
    }),
    preferred_during_scheduling_ignored_during_execution: list('preferredDuringSchedulingIgnoredDuringExecution', {
      weight: int('weight', { always: true }),
      preference: single('preference', NODE_SELECTOR_TERM),
    }),
  }),
  pod_affinity: single('podAffinity', POD_AFFINITY),
  pod_anti_affinity: single('podAntiAffinity', POD_AFFINITY),
};

/** `expandTolerations` (structures_pod.go): `toleration_seconds` is a string parsed as int64. */
const TOLERATION: BlockSpec = {
  effect: str('effect'),
  key: str('key'),
  operator: str('operator', { default: 'Equal' }),
  toleration_seconds: intFromString('tolerationSeconds', 64),
  value: str('value'),
};

/** `expandTopologySpreadConstraints` (structures_pod.go): `label_selector` is a list; the provider sends the first. */
const TOPOLOGY_SPREAD_CONSTRAINT: BlockSpec = {
  topology_key: str('topologyKey', { always: true }),
  label_selector: first('labelSelector', LABEL_SELECTOR),
  when_unsatisfiable: str('whenUnsatisfiable', { default: 'DoNotSchedule', always: true }),
  match_label_keys: strList('matchLabelKeys'),
  max_skew: int('maxSkew', { default: 1, always: true }),
  min_domains: int('minDomains'),
  node_affinity_policy: str('nodeAffinityPolicy'),
  node_taints_policy: str('nodeTaintsPolicy'),
};

/** `expandPodSpec` (structures_pod.go), defaults of `podSpecFields(isUpdatable, isComputed=false)`. */
const POD_SPEC: BlockSpec = {
  active_deadline_seconds: int('activeDeadlineSeconds'),
  affinity: single('affinity', AFFINITY),
  automount_service_account_token: bool('automountServiceAccountToken', { default: true, always: true }),
  container: list('containers', CONTAINER),
  init_container: list('initContainers', CONTAINER),
  readiness_gate: list('readinessGates', { condition_type: str('conditionType', { always: true }) }),
  dns_policy: str('dnsPolicy', { default: 'ClusterFirst' }),
  dns_config: single('dnsConfig', {
    nameservers: strList('nameservers'),
    searches: strList('searches'),
    option: list('options', { name: str('name'), value: str('value', { always: true }) }),
  }),
  enable_service_links: bool('enableServiceLinks', { default: true, always: true }),
  host_aliases: list('hostAliases', { hostnames: strList('hostnames'), ip: str('ip') }),
  host_ipc: bool('hostIPC'),
  host_network: bool('hostNetwork'),
  host_pid: bool('hostPID'),
  hostname: str('hostname'),
  os: single('os', { name: str('name', { always: true }) }),
  image_pull_secrets: list('imagePullSecrets', LOCAL_OBJECT_REFERENCE),
  node_name: str('nodeName'),
  node_selector: strMap('nodeSelector'),
  runtime_class_name: str('runtimeClassName'),
  priority_class_name: str('priorityClassName'),
  restart_policy: str('restartPolicy', { default: 'Always' }),
  security_context: single('securityContext', POD_SECURITY_CONTEXT),
  scheduler_name: str('schedulerName'),
  service_account_name: str('serviceAccountName'),
  share_process_namespace: bool('shareProcessNamespace', { always: true }),
  subdomain: str('subdomain'),
  termination_grace_period_seconds: int('terminationGracePeriodSeconds', { default: 30, always: true }),
  toleration: list('tolerations', TOLERATION),
  topology_spread_constraint: list('topologySpreadConstraints', TOPOLOGY_SPREAD_CONSTRAINT),
  volume: list('volumes', VOLUME),
};

// ---------------------------------------------------------------------------------------------------------------
// Resources.

/** resource_kubernetes_deployment_v1.go schema; `expandDeploymentSpec` (structures_deployment.go). */
const DEPLOYMENT: BlockSpec = {
  metadata: single('metadata', metadata('namespaced')),
  spec: single('spec', {
    min_ready_seconds: int('minReadySeconds'),
    paused: bool('paused'),
    progress_deadline_seconds: int('progressDeadlineSeconds', { default: 600, always: true }),
    // A string so that "0" differs from unset; parsed with strconv.ParseInt(v, 10, 32).
    replicas: intFromString('replicas', 32),
    revision_history_limit: int('revisionHistoryLimit', { default: 10, always: true }),
    selector: single('selector', LABEL_SELECTOR),
    strategy: single('strategy', {
      type: str('type', { default: 'RollingUpdate' }),
      // expandRollingUpdateDeployment: both always set, through intstr.Parse.
      rolling_update: single('rollingUpdate', {
        max_surge: intOrString('maxSurge', { default: '25%', always: true }),
        max_unavailable: intOrString('maxUnavailable', { default: '25%', always: true }),
      }),
    }),
    template: single('template', { metadata: single('metadata', metadata('template')), spec: single('spec', POD_SPEC) }),
  }),
  wait_for_rollout: drop(),
};

/** `expandV2MetricTarget` (structure_horizontal_pod_autoscaler_v2.go): only the value field matching `type` is sent. */
const METRIC_TARGET: BlockSpec = {
  type: str('type', { always: true }),
  average_utilization: custom('averageUtilization', (v, at, parent) => {
    const n = toInt(v, at) ?? 0;
    if (toStr(parent.type, at) === 'Utilization') return n > 0 ? n : undefined;
    return n === 0 ? undefined : at.fail('the provider sends average_utilization only with type = "Utilization"');
  }),
  average_value: custom('averageValue', (v, at, parent) => {
    const s = parsedString(v, at, 'a quantity') ?? '';
    if (toStr(parent.type, at) === 'AverageValue') return s === '' || s === '0' ? undefined : checkQuantity(s, at);
    return s === '' ? undefined : at.fail('the provider sends average_value only with type = "AverageValue"');
  }),
  value: custom('value', (v, at, parent) => {
    const s = parsedString(v, at, 'a quantity') ?? '';
    if (toStr(parent.type, at) === 'Value') return s === '' || s === '0' ? undefined : checkQuantity(s, at);
    return s === '' ? undefined : at.fail('the provider sends value only with type = "Value"');
  }),
};

const CROSS_VERSION_OBJECT_REFERENCE: BlockSpec = {
  api_version: str('apiVersion'),
  kind: str('kind', { always: true }),
  name: str('name', { always: true }),
};

/** `expandV2MetricIdentifier`: the provider reads `selector` only when there is exactly one. */
const METRIC_IDENTIFIER: BlockSpec = { name: str('name', { always: true }), selector: first('selector', LABEL_SELECTOR) };

/** `expandV2ScalingRules`: `select_policy` and `stabilization_window_seconds` always set through pointers. */
const SCALING_RULES: BlockSpec = {
  policy: list('policies', {
    period_seconds: int('periodSeconds', { always: true }),
    type: str('type', { always: true }),
    value: int('value', { always: true }),
  }),
  select_policy: str('selectPolicy', { always: true }),
  stabilization_window_seconds: int('stabilizationWindowSeconds', { always: true }),
};

/** schema_horizontal_pod_autoscaler.go (V2); `expandHorizontalPodAutoscalerV2Spec`. */
const HORIZONTAL_POD_AUTOSCALER_V2: BlockSpec = {
  metadata: single('metadata', metadata('namespaced')),
  spec: single('spec', {
    max_replicas: int('maxReplicas', { always: true }),
    min_replicas: int('minReplicas', { default: 1 }),
    scale_target_ref: single('scaleTargetRef', CROSS_VERSION_OBJECT_REFERENCE),
    metric: list('metrics', {
      type: str('type', { always: true }),
      resource: single('resource', { name: str('name', { always: true }), target: single('target', METRIC_TARGET) }),
      container_resource: single('containerResource', {
        container: str('container', { always: true }),
        name: str('name', { always: true }),
        target: single('target', METRIC_TARGET),
      }),
      pods: single('pods', { metric: single('metric', METRIC_IDENTIFIER), target: single('target', METRIC_TARGET) }),
      external: single('external', { metric: single('metric', METRIC_IDENTIFIER), target: single('target', METRIC_TARGET) }),
      object: single('object', {
        described_object: single('describedObject', CROSS_VERSION_OBJECT_REFERENCE),
        metric: single('metric', METRIC_IDENTIFIER),
        target: single('target', METRIC_TARGET),
      }),
    }),
    // expandV2Behavior runs even when the block is absent, and so does expandV2ScalingRules for an absent
    // scale_up / scale_down: the provider sends empty objects for them.
    behavior: single('behavior', {
      scale_up: first('scaleUp', SCALING_RULES, { absent: () => ({}) }),
      scale_down: first('scaleDown', SCALING_RULES, { absent: () => ({}) }),
    }, { absent: () => ({}) }),
    target_cpu_utilization_percentage: ignoredByProvider('not read by expandHorizontalPodAutoscalerV2Spec; use a metric block'),
  }),
};

/** resource_kubernetes_pod_disruption_budget_v1.go; `expandPodDisruptionBudgetV1Spec` (intstr.Parse). */
const POD_DISRUPTION_BUDGET_V1: BlockSpec = {
  metadata: single('metadata', metadata('namespaced')),
  spec: single('spec', {
    max_unavailable: intOrString('maxUnavailable'),
    min_available: intOrString('minAvailable'),
    selector: single('selector', LABEL_SELECTOR),
  }),
};

/** `expandNetworkPolicyV1Ports` (structure_network_policy.go). */
const NETWORK_POLICY_PORT: BlockSpec = {
  port: intOrString('port'),
  end_port: int('endPort'),
  protocol: str('protocol', { default: 'TCP' }),
};

/** `expandNetworkPolicyV1Peer` / `expandIPBlock` (structure_network_policy.go). */
const NETWORK_POLICY_PEER: BlockSpec = {
  ip_block: single('ipBlock', { cidr: str('cidr'), except: strList('except') }),
  namespace_selector: single('namespaceSelector', LABEL_SELECTOR),
  pod_selector: single('podSelector', LABEL_SELECTOR),
};

/** resource_kubernetes_network_policy_v1.go; `expandNetworkPolicyV1Spec`: `podSelector` is always sent. */
const NETWORK_POLICY_V1: BlockSpec = {
  metadata: single('metadata', metadata('namespaced')),
  spec: single('spec', {
    pod_selector: single('podSelector', LABEL_SELECTOR, { absent: () => ({}) }),
    ingress: list('ingress', { ports: list('ports', NETWORK_POLICY_PORT), from: list('from', NETWORK_POLICY_PEER) }),
    egress: list('egress', { ports: list('ports', NETWORK_POLICY_PORT), to: list('to', NETWORK_POLICY_PEER) }),
    policy_types: strList('policyTypes'),
  }),
};

/** resource_kubernetes_service_v1.go; `expandServiceSpec` / `expandServicePort` (structure_service_spec.go). */
const SERVICE_V1: BlockSpec = {
  metadata: single('metadata', metadata('namespaced')),
  spec: single('spec', {
    type: str('type', { default: 'ClusterIP' }),
    // Sent only for type LoadBalancer (always, through a pointer, default true).
    allocate_load_balancer_node_ports: custom('allocateLoadBalancerNodePorts', (v, at, parent) =>
      (toStr(parent.type, at) === 'LoadBalancer' ? toBool(v, at) ?? true : undefined)),
    load_balancer_class: custom('loadBalancerClass', (v, at, parent) => {
      const s = toStr(v, at) ?? '';
      if (s === '') return undefined;
      return toStr(parent.type, at) === 'LoadBalancer' ? s : at.fail('the provider sends load_balancer_class only with type = "LoadBalancer"');
    }),
    cluster_ip: str('clusterIP'),
    cluster_ips: strList('clusterIPs'),
    external_ips: strList('externalIPs'),
    external_name: str('externalName'),
    external_traffic_policy: str('externalTrafficPolicy'),
    internal_traffic_policy: str('internalTrafficPolicy'),
    ip_families: strList('ipFamilies'),
    ip_family_policy: str('ipFamilyPolicy'),
    load_balancer_ip: str('loadBalancerIP'),
    load_balancer_source_ranges: strList('loadBalancerSourceRanges'),
    health_check_node_port: int('healthCheckNodePort'),
    publish_not_ready_addresses: bool('publishNotReadyAddresses'),
    selector: strMap('selector'),
    session_affinity: str('sessionAffinity', { default: 'None' }),
    // expandSessionAffinityConfig: client_ip and its timeout are always set through pointers.
    session_affinity_config: single('sessionAffinityConfig', {
      client_ip: single('clientIP', { timeout_seconds: int('timeoutSeconds', { always: true }) }, { absent: () => ({}) }),
    }),
    port: list('ports', {
      name: str('name'),
      port: int('port', { always: true }),
      // intstr.Parse(""), an empty string, when unset: the API server then defaults it to `port`.
      target_port: intOrString('targetPort', { always: true }),
      protocol: str('protocol', { default: 'TCP' }),
      app_protocol: str('appProtocol'),
      node_port: int('nodePort'),
    }),
  }),
  wait_for_load_balancer: drop(),
};

/** resource_kubernetes_namespace_v1.go: metadata only. */
const NAMESPACE_V1: BlockSpec = {
  metadata: single('metadata', metadata('cluster')),
  wait_for_default_service_account: drop(),
};

/** resource_kubernetes_service_account_v1.go (Create). */
const SERVICE_ACCOUNT_V1: BlockSpec = {
  metadata: single('metadata', metadata('namespaced')),
  automount_service_account_token: bool('automountServiceAccountToken', { default: true, always: true }),
  image_pull_secret: list('imagePullSecrets', LOCAL_OBJECT_REFERENCE),
  secret: list('secrets', LOCAL_OBJECT_REFERENCE),
};

/** resource_kubernetes_config_map_v1.go (Create): `immutable` always set through a pointer. */
const CONFIG_MAP_V1: BlockSpec = {
  metadata: single('metadata', metadata('namespaced')),
  data: strMap('data'),
  // expandBase64MapToByteMap decodes; the []byte values are sent base64-encoded again.
  binary_data: custom('binaryData', (v, at) => stringMapOf(v, at, (s, at2) => {
    if (isExpression(s)) at2.fail(`Terraform expression ${JSON.stringify(s)} in binary_data: unknown until apply, so it cannot be checked as base64`);
    if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) at2.fail('not base64 (validateBase64EncodedMap)');
    return s;
  })),
  immutable: bool('immutable', { always: true }),
};

// ---------------------------------------------------------------------------------------------------------------
// The table.

/** A kubernetes-models class: `new Model(object).validate()` throws on schema errors. */
export type KubernetesModel = new (data?: object) => { validate(): void };

/** How one Terraform resource type becomes an API object. */
export interface KubernetesType {
  readonly apiVersion: string;
  readonly kind: string;
  /** The kubernetes-models class that validates the object. */
  readonly model: KubernetesModel;
  /** Top-level attributes of the resource (meta-arguments are added). */
  readonly attributes: BlockSpec;
}

/**
 * Terraform type -> API object. To add a type: read its resource_kubernetes_*.go (schema and Create) and the
 * expand functions it calls at v2.38.0, write its BlockSpec with the builders above, and add a row here.
 */
export const KUBERNETES_TYPES: { readonly [terraformType: string]: KubernetesType } = {
  kubernetes_namespace_v1: { apiVersion: 'v1', kind: 'Namespace', model: Namespace, attributes: NAMESPACE_V1 },
  kubernetes_service_account_v1: { apiVersion: 'v1', kind: 'ServiceAccount', model: ServiceAccount, attributes: SERVICE_ACCOUNT_V1 },
  kubernetes_config_map_v1: { apiVersion: 'v1', kind: 'ConfigMap', model: ConfigMap, attributes: CONFIG_MAP_V1 },
  kubernetes_service_v1: { apiVersion: 'v1', kind: 'Service', model: Service, attributes: SERVICE_V1 },
  kubernetes_deployment_v1: { apiVersion: 'apps/v1', kind: 'Deployment', model: Deployment, attributes: DEPLOYMENT },
  kubernetes_horizontal_pod_autoscaler_v2: { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', model: HorizontalPodAutoscaler, attributes: HORIZONTAL_POD_AUTOSCALER_V2 },
  kubernetes_pod_disruption_budget_v1: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', model: PodDisruptionBudget, attributes: POD_DISRUPTION_BUDGET_V1 },
  kubernetes_network_policy_v1: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', model: NetworkPolicy, attributes: NETWORK_POLICY_V1 },
};

/**
 * The API object the provider sends for one resource of a synthesized stack. Throws a KubernetesConversionError
 * naming the address and attribute path on anything the converter does not know or the provider would reject.
 */
export function toKubernetesObject(type: string, address: string, resource: object): KubernetesObject {
  if (type === 'kubernetes_manifest') return manifestObject(address, resource as JsonObject);
  const t = KUBERNETES_TYPES[type];
  if (!t) {
    throw new KubernetesConversionError(address, '', `no converter for ${type}: add a row to KUBERNETES_TYPES in __tests__/support/kubernetes-objects.ts from the provider's resource and expand functions`);
  }
  const body = convertBlock(resource, { ...META, ...t.attributes }, new Loc(address, ''));
  return { apiVersion: t.apiVersion, kind: t.kind, ...body };
}

/**
 * A model for a custom resource, checked against its CRD's OpenAPI schema with ajv (the schema validator
 * kubernetes-models uses); errors read like kubernetes-models' (`data/spec/x must be integer`). Kubernetes' own
 * `x-kubernetes-*` keywords and formats (`int32`, `int-or-string`) are left to the API server.
 */
function crdModel(schema: object): KubernetesModel {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  const check = ajv.compile(schema);
  return class {
    constructor(private readonly data?: object) {}
    public validate(): void {
      if (!check(this.data)) throw new Error(ajv.errorsText(check.errors, { dataVar: 'data' }));
    }
  };
}

/**
 * Custom resources a `kubernetes_manifest` may hold, with a model of their CRD's schema: KEDA's ScaledObject and
 * TriggerAuthentication (keda-crd-schemas.json, from kedacore/keda's CRDs; the source and version are in the file).
 */
export const MANIFEST_KINDS: { readonly [apiVersionKind: string]: KubernetesModel } = Object.fromEntries(
  Object.entries(KEDA_CRDS.schemas).map(([key, schema]) => [key, crdModel(schema)]),
);

/** The attributes of a `kubernetes_manifest` the library writes besides the object (meta-arguments). */
const MANIFEST_ATTRIBUTES = new Set(['manifest', 'depends_on', 'lifecycle', '//', 'provider', 'count', 'for_each']);

/**
 * The API object of a `kubernetes_manifest`: its `manifest` as written (the provider sends it as is, server-side
 * applied), which must name a kind registered in MANIFEST_KINDS.
 */
function manifestObject(address: string, resource: JsonObject): KubernetesObject {
  for (const key of Object.keys(resource)) {
    if (!MANIFEST_ATTRIBUTES.has(key)) throw new KubernetesConversionError(address, key, 'attribute not known to the converter');
  }
  const manifest = resource.manifest;
  if (!isObject(manifest)) throw new KubernetesConversionError(address, 'manifest', 'not an object');
  if (!MANIFEST_KINDS[`${String(manifest.apiVersion)} ${String(manifest.kind)}`]) {
    throw new KubernetesConversionError(address, 'manifest', `no kubernetes-models class registered for ${String(manifest.apiVersion)} ${String(manifest.kind)}: add it to MANIFEST_KINDS`);
  }
  return structuredClone(manifest) as KubernetesObject;
}

/** Validates an API object against the Kubernetes OpenAPI schema; throws with the kubernetes-models message. */
export function validateKubernetesObject(obj: KubernetesObject): void {
  const custom = MANIFEST_KINDS[`${String(obj.apiVersion)} ${String(obj.kind)}`];
  const type = custom ? { model: custom } : Object.values(KUBERNETES_TYPES).find((t) => t.apiVersion === obj.apiVersion && t.kind === obj.kind);
  if (!type) throw new Error(`no kubernetes-models class registered for ${obj.apiVersion} ${obj.kind}`);
  try {
    new type.model(obj).validate();
  } catch (e) {
    const meta = isObject(obj.metadata) ? obj.metadata : {};
    // Namespaces are usually expressions (`${kubernetes_namespace_v1...}`): shown only when literal.
    const name = [meta.namespace, meta.name].filter((x) => typeof x === 'string' && !isExpression(x)).join('/');
    throw new Error(`${obj.kind} ${name}: ${(e as Error).message}`, { cause: e });
  }
}

/** A `kubernetes_*` resource of a synthesized stack, as written by cdktf. */
export interface KubernetesResource {
  readonly type: string;
  /** Terraform address, `<type>.<logical id>`. */
  readonly address: string;
  readonly resource: JsonObject;
}

/** Synthesized stack JSON (only `resource` is read). */
export interface StackResources {
  readonly resource?: { readonly [type: string]: { readonly [id: string]: unknown } };
}

/** Every `kubernetes_*` resource of a stack (data sources excluded), in the order of the file. */
export function kubernetesResources(stack: StackResources): KubernetesResource[] {
  const out: KubernetesResource[] = [];
  for (const [type, byId] of Object.entries(stack.resource ?? {})) {
    if (!type.startsWith('kubernetes_')) continue;
    for (const [id, resource] of Object.entries(byId)) {
      if (!isObject(resource)) throw new KubernetesConversionError(`${type}.${id}`, '', 'resource body is not an object');
      out.push({ type, address: `${type}.${id}`, resource });
    }
  }
  return out;
}

/** Every `kubernetes_*` resource of a stack converted to its API object (throws on the first failure). */
export function kubernetesObjects(stack: StackResources): (KubernetesResource & { readonly object: KubernetesObject })[] {
  return kubernetesResources(stack).map((r) => ({ ...r, object: toKubernetesObject(r.type, r.address, r.resource) }));
}
