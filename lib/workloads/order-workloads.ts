import { Construct } from 'constructs';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { HorizontalPodAutoscalerV2 } from '@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { PodDisruptionBudgetV1 } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { ValidationError } from '../core/errors';
import { RegionRole, StandbyMode } from '../core/pattern';
import { HEALTH_ENDPOINTS, PLATFORM_SERVICES, PlatformServiceSpec, RegionalIngress } from '../core/services';
import { checkInteger, pascal } from '../core/validate';
import { Rollout } from './rollout';

/** Probe paths of a service (must be distinct). */
export interface ProbePaths {
  /** @default '/healthz/ready' */
  readonly readiness?: string;
  /** @default '/healthz/live' */
  readonly liveness?: string;
  /** @default '/healthz/startup' */
  readonly startup?: string;
}

/** CPU and memory requests and limits (Kubernetes quantities). */
export interface ResourceOptions {
  /** @default '250m' */
  readonly cpuRequest?: string;
  /** @default '1' */
  readonly cpuLimit?: string;
  /** @default '256Mi' */
  readonly memoryRequest?: string;
  /** @default '512Mi' */
  readonly memoryLimit?: string;
}

/** Settings of one service's workload. */
export interface WorkloadServiceOptions {
  /** Container image pinned by tag or digest (`registry/order-api:1.4.2` or `...@sha256:...`); `latest` is rejected. */
  readonly image: string;
  /** Minimum replicas on an active region (2 or more). @default 2 */
  readonly minReplicas?: number;
  /** Maximum replicas (HPA). @default 10 */
  readonly maxReplicas?: number;
  /** HPA target CPU utilisation in percent (1-100). @default 70 */
  readonly cpuTargetPercent?: number;
  /** HPA target memory utilisation in percent (1-100). @default 80 */
  readonly memoryTargetPercent?: number;
  /** @default - 250m / 1 CPU, 256Mi / 512Mi memory */
  readonly resources?: ResourceOptions;
  /** HTTPS port the container listens on. @default 8443 */
  readonly containerPort?: number;
  /** @default - the health endpoint contract (`/healthz/ready`, `/healthz/live`, `/healthz/startup`) */
  readonly probes?: ProbePaths;
  /** Non-root UID the container runs as (above 10000). @default 10001 */
  readonly runAsUser?: number;
  /** Seconds the preStop hook waits so load balancers stop sending before the process gets SIGTERM. @default 10 */
  readonly preStopSeconds?: number;
  /** Grace period for in-flight requests after SIGTERM (more than preStopSeconds). @default 45 */
  readonly terminationGracePeriodSeconds?: number;
  /** Release strategy. @default Rollout.rolling() */
  readonly rollout?: Rollout;
}

/** Configuration each region's services receive (from the data tier), as plain values or tokens. */
export interface WorkloadConfig {
  /** Environment variables of the Order service (non-secret: endpoints, names, region role). */
  readonly order: { readonly [name: string]: string };
  /** Environment variables of the Delivery-tracking service. */
  readonly tracking: { readonly [name: string]: string };
}

/** Props of {@link OrderWorkloads}. */
export interface OrderWorkloadsProps {
  /** Region of the cluster. */
  readonly region: string;
  /** Region role (standby regions run fewer or no replicas). */
  readonly role: RegionRole;
  /** activePassive standby mode of a passive region. @default 'warm' */
  readonly standby?: StandbyMode;
  /** Minimum replicas of a warm standby region (scales out on failover). @default 1 */
  readonly standbyMinReplicas?: number;
  /** @default 'orders' */
  readonly namespace?: string;
  readonly order: WorkloadServiceOptions;
  readonly tracking: WorkloadServiceOptions;
  /** Client IDs of each service's user-assigned managed identity (workload identity). */
  readonly identityClientIds: { readonly order: string; readonly tracking: string };
  /** The stamp's ingress (fixed internal load-balancer addresses and Private Link Service names). */
  readonly ingress: RegionalIngress;
  /** Services exposed on a public load balancer (Traffic Manager endpoints) instead of internal + Private Link. @default - none */
  readonly publicServices?: ('order' | 'tracking')[];
  /** DNS labels of public load balancers (`<label>.<region>.cloudapp.azure.com`), by service. @default - none */
  readonly publicDnsLabels?: { readonly [service: string]: string };
  /** CIDR of the stamp's private-endpoint subnet (database, Cosmos DB and Service Bus egress). */
  readonly privateEndpointsCidr: string;
  /** Per-service environment. */
  readonly config: WorkloadConfig;
}

const IMAGE = /^[a-z0-9]+([._/:-][a-z0-9]+)*(\/[a-z0-9._-]+)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$/;
const QUANTITY = /^(\d+(\.\d+)?)(m|Mi|Gi|Ki|M|G|K)?$/;
const DNS_LABEL = /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Kubernetes quantity in base units (cores or bytes), for comparing requests and limits. */
function quantity(value: string): number | undefined {
  const m = QUANTITY.exec(value);
  if (!m) return undefined;
  const factor: { [unit: string]: number } = { m: 0.001, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, K: 1e3, M: 1e6, G: 1e9 };
  return Number(m[1]) * (m[3] ? factor[m[3]] : 1);
}

interface Track { readonly name: string; readonly image: string; readonly replicas: number; readonly hpa?: { min: number; max: number } }

/**
 * The Order and Delivery-tracking services on one region's AKS cluster: namespace, workload-identity service
 * accounts, Deployments with zone/host spread, probes, resources and a hardened security context, HPA,
 * PodDisruptionBudget, graceful shutdown, default-deny NetworkPolicy plus the allows each service needs, and a
 * LoadBalancer Service (internal with an AKS-managed Private Link Service for Front Door, or public for Traffic
 * Manager). Releases: rolling, blue-green or canary.
 *
 * Lives in the region's `-apps` stack, whose kubernetes provider is configured from the cluster's data source.
 */
export class OrderWorkloads extends Construct {
  /** Deployment names by service (every track). */
  public readonly deployments: { readonly [service: string]: string[] };

  constructor(scope: Construct, id: string, props: OrderWorkloadsProps) {
    super(scope, id);
    const namespaceName = props.namespace ?? 'orders';
    if (!DNS_LABEL.test(namespaceName)) {
      throw new ValidationError({ scope: this, prop: 'namespace', value: namespaceName, problem: 'not a DNS-1123 label', fix: "use lower-case letters, digits and hyphens, e.g. 'orders'" });
    }
    const namespace = new NamespaceV1(this, 'Namespace', {
      metadata: { name: namespaceName, labels: { 'app.kubernetes.io/part-of': 'order-platform' } },
    });
    const ns = namespace.metadata.name;

    // Default deny for every pod in the namespace; each service then opens what it needs.
    new NetworkPolicyV1(this, 'DefaultDeny', {
      metadata: { name: 'default-deny', namespace: ns },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });

    const deployments: Record<string, string[]> = {};
    for (const spec of PLATFORM_SERVICES) {
      const options = props[spec.key];
      deployments[spec.key] = this.service(spec, options, props, ns, props.identityClientIds[spec.key]);
    }
    this.deployments = deployments;
  }

  private service(spec: PlatformServiceSpec, o: WorkloadServiceOptions, props: OrderWorkloadsProps, ns: string, clientId: string): string[] {
    const prop = spec.key;
    const image = this.checkImage(`${prop}.image`, o.image);
    const active = props.role !== RegionRole.PASSIVE;
    const minReplicas = o.minReplicas ?? 2;
    if (!Number.isInteger(minReplicas) || minReplicas < 2) {
      throw new ValidationError({ scope: this, prop: `${prop}.minReplicas`, value: minReplicas, problem: 'an active region runs at least 2 replicas (one pod or node loss must not stop the service)', fix: 'use 2 or more' });
    }
    const maxReplicas = o.maxReplicas ?? 10;
    if (!Number.isInteger(maxReplicas) || maxReplicas < minReplicas) {
      throw new ValidationError({ scope: this, prop: `${prop}.maxReplicas`, value: maxReplicas, problem: `below minReplicas (${minReplicas})`, fix: `use ${minReplicas} or more` });
    }
    const cpuTarget = checkInteger(this, `${prop}.cpuTargetPercent`, o.cpuTargetPercent ?? 70, 1, 100, 'utilisation percent');
    const memoryTarget = checkInteger(this, `${prop}.memoryTargetPercent`, o.memoryTargetPercent ?? 80, 1, 100, 'utilisation percent');
    const resources = this.checkResources(prop, o.resources ?? {});
    const port = checkInteger(this, `${prop}.containerPort`, o.containerPort ?? 8443, 1024, 65535, 'non-root containers bind unprivileged ports');
    const probes = this.checkProbes(prop, o.probes ?? {});
    const uid = checkInteger(this, `${prop}.runAsUser`, o.runAsUser ?? 10001, 10001, 2147483647, 'a UID above 10000 never collides with a host user');
    const preStop = checkInteger(this, `${prop}.preStopSeconds`, o.preStopSeconds ?? 10, 0, 120, 'seconds');
    const grace = checkInteger(this, `${prop}.terminationGracePeriodSeconds`, o.terminationGracePeriodSeconds ?? 45, preStop + 1, 600, 'longer than the preStop pause, so requests can finish after SIGTERM');

    // Standby: warm runs a reduced minimum and scales out on failover; pilot light runs nothing.
    const standby = active ? undefined : (props.standby ?? 'warm');
    const standbyMin = checkInteger(this, 'standbyMinReplicas', props.standbyMinReplicas ?? 1, 1, minReplicas, 'a warm standby runs fewer replicas than an active region');
    const baseMin = standby === 'warm' ? standbyMin : minReplicas;
    const tracks = this.tracks(prop, image, o.rollout ?? Rollout.rolling(), standby === 'pilot-light' ? 0 : baseMin, maxReplicas);
    const labels = { app: spec.name, 'app.kubernetes.io/name': spec.name, 'app.kubernetes.io/part-of': 'order-platform' };

    const account = new ServiceAccountV1(this, `${pascal(spec.key)}ServiceAccount`, {
      metadata: { name: spec.name, namespace: ns, annotations: { 'azure.workload.identity/client-id': clientId }, labels },
      automountServiceAccountToken: true,
    });
    new ConfigMapV1(this, `${pascal(spec.key)}Config`, {
      metadata: { name: `${spec.name}-config`, namespace: ns, labels },
      data: { REGION: props.region, REGION_ROLE: props.role, ...props.config[spec.key] },
    });

    const names: string[] = [];
    for (const track of tracks) {
      const name = tracks.length === 1 ? spec.name : `${spec.name}-${track.name}`;
      const podLabels = { ...labels, track: track.name, 'azure.workload.identity/use': 'true' };
      const selector = { app: spec.name, track: track.name };
      const probe = (path: string, extra: object) => ({ httpGet: { path, port: 'https', scheme: 'HTTPS' }, timeoutSeconds: 2, ...extra });
      const deployment = new DeploymentV1(this, `${pascal(spec.key)}Deployment-${track.name}`, {
        metadata: { name, namespace: ns, labels: { ...labels, track: track.name } },
        spec: {
          replicas: String(track.replicas),
          revisionHistoryLimit: 5,
          selector: { matchLabels: selector },
          // Zero-downtime rollouts: never below the desired count, one extra pod at a time.
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '0', maxSurge: '25%' } },
          template: {
            metadata: { labels: podLabels },
            spec: {
              serviceAccountName: account.metadata.name,
              terminationGracePeriodSeconds: grace,
              securityContext: { runAsNonRoot: true, runAsUser: String(uid), runAsGroup: String(uid), fsGroup: String(uid), seccompProfile: { type: 'RuntimeDefault' } },
              topologySpreadConstraint: [
                { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: [{ matchLabels: selector }] },
                { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: [{ matchLabels: selector }] },
              ],
              container: [{
                name: spec.name,
                image: track.image,
                port: [{ name: 'https', containerPort: port, protocol: 'TCP' }],
                envFrom: [{ configMapRef: { name: `${spec.name}-config` } }],
                resources: { requests: { cpu: resources.cpuRequest, memory: resources.memoryRequest }, limits: { cpu: resources.cpuLimit, memory: resources.memoryLimit } },
                startupProbe: probe(probes.startup, { periodSeconds: 5, failureThreshold: 30 }),
                readinessProbe: probe(probes.readiness, { periodSeconds: 5, failureThreshold: 3 }),
                livenessProbe: probe(probes.liveness, { periodSeconds: 10, failureThreshold: 3 }),
                lifecycle: { preStop: [{ exec: { command: ['/bin/sh', '-c', `sleep ${preStop}`] } }] },
                securityContext: {
                  runAsNonRoot: true,
                  runAsUser: String(uid),
                  allowPrivilegeEscalation: false,
                  privileged: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ['ALL'] },
                  seccompProfile: { type: 'RuntimeDefault' },
                },
                volumeMount: [{ name: 'tmp', mountPath: '/tmp' }],
              }],
              volume: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
            },
          },
        },
        // The HPA owns the replica count.
        lifecycle: track.hpa ? { ignoreChanges: ['spec[0].replicas'] } : undefined,
      });
      if (track.hpa) {
        new HorizontalPodAutoscalerV2(this, `${pascal(spec.key)}Autoscaler-${track.name}`, {
          metadata: { name, namespace: ns, labels },
          spec: {
            scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name },
            minReplicas: track.hpa.min,
            maxReplicas: track.hpa.max,
            metric: [
              { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpuTarget } } },
              { type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: memoryTarget } } },
            ],
          },
        });
      }
      names.push(name);
    }

    if (standby !== 'pilot-light') {
      // At most one pod of the service down during voluntary disruptions (node upgrades, drains).
      new PodDisruptionBudgetV1(this, `${pascal(spec.key)}DisruptionBudget`, {
        metadata: { name: spec.name, namespace: ns, labels },
        spec: { maxUnavailable: '1', selector: { matchLabels: { app: spec.name } } },
      });
    }

    const isPublic = (props.publicServices ?? []).includes(spec.key);
    const regional = props.ingress.services[spec.key];
    const rollout = o.rollout ?? Rollout.rolling();
    const live: { [key: string]: string } = rollout.kind === 'blueGreen' ? { track: rollout.blueGreenOptions!.live } : {};
    new ServiceV1(this, `${pascal(spec.key)}Service`, {
      metadata: {
        name: spec.name,
        namespace: ns,
        labels,
        annotations: isPublic
          ? {
            'service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path': probes.readiness,
            ...(props.publicDnsLabels?.[spec.key] ? { 'service.beta.kubernetes.io/azure-dns-label-name': props.publicDnsLabels[spec.key] } : {}),
          }
          : {
            // Internal load balancer at the fixed address the global entry expects, plus the AKS-managed Private
            // Link Service Front Door Premium connects to.
            'service.beta.kubernetes.io/azure-load-balancer-internal': 'true',
            'service.beta.kubernetes.io/azure-load-balancer-internal-subnet': props.ingress.subnetName,
            'service.beta.kubernetes.io/azure-load-balancer-ipv4': regional.privateIp,
            'service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path': probes.readiness,
            'service.beta.kubernetes.io/azure-pls-create': 'true',
            'service.beta.kubernetes.io/azure-pls-name': regional.privateLinkServiceName,
            'service.beta.kubernetes.io/azure-pls-ip-configuration-subnet': props.ingress.subnetName,
            'service.beta.kubernetes.io/azure-pls-ip-configuration-ip-address-count': '1',
            'service.beta.kubernetes.io/azure-pls-proxy-protocol': 'false',
            // Anyone may request a connection; every request still needs an approval.
            'service.beta.kubernetes.io/azure-pls-visibility': '*',
          },
      },
      spec: {
        type: 'LoadBalancer',
        // Cluster: the node that receives a connection balances it over every ready pod (an even per-pod share,
        // which the canary relies on).
        externalTrafficPolicy: 'Cluster',
        // blue-green: the Service selects the live colour only.
        selector: { app: spec.name, ...live },
        port: [{ name: 'https', port: 443, targetPort: 'https', protocol: 'TCP' }],
      },
    });

    new NetworkPolicyV1(this, `${pascal(spec.key)}NetworkPolicy`, {
      metadata: { name: spec.name, namespace: ns },
      spec: {
        podSelector: { matchLabels: { app: spec.name } },
        policyTypes: ['Ingress', 'Egress'],
        // Requests arrive only through the load balancer on the HTTPS port.
        ingress: [{ ports: [{ port: 'https', protocol: 'TCP' }] }],
        egress: [
          // Cluster DNS.
          { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }], ports: [{ port: '53', protocol: 'UDP' }, { port: '53', protocol: 'TCP' }] },
          // Data tier over private endpoints, any port: SQL uses 1433 and 11000-11999, PostgreSQL 5432, AMQP 5671,
          // and Cosmos DB direct mode may use the whole TCP range through a private endpoint.
          { to: [{ ipBlock: { cidr: props.privateEndpointsCidr } }] },
          // HTTPS: Entra ID token exchange, Cosmos DB, Service Bus over WebSockets, Application Insights.
          { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: '443', protocol: 'TCP' }] },
        ],
      },
    });
    return names;
  }

  private tracks(prop: string, image: string, rollout: Rollout, min: number, max: number): Track[] {
    const hpa = min > 0 ? { min, max: Math.max(min, max) } : undefined;
    if (!(rollout instanceof Rollout)) {
      throw new ValidationError({ scope: this, prop: `${prop}.rollout`, value: rollout, problem: 'not a Rollout', fix: 'use Rollout.rolling(), Rollout.blueGreen({...}) or Rollout.canary({...})' });
    }
    if (rollout.kind === 'blueGreen') {
      const bg = rollout.blueGreenOptions!;
      if (bg.live !== 'blue' && bg.live !== 'green') {
        throw new ValidationError({ scope: this, prop: `${prop}.rollout.live`, value: bg.live, problem: "the live colour is 'blue' or 'green'", fix: "use 'blue' or 'green'" });
      }
      const blue = this.checkImage(`${prop}.rollout.blueImage`, bg.blueImage);
      const green = this.checkImage(`${prop}.rollout.greenImage`, bg.greenImage);
      if (blue === green) {
        throw new ValidationError({ scope: this, prop: `${prop}.rollout.${bg.live === 'blue' ? 'greenImage' : 'blueImage'}`, value: blue, problem: 'both colours run the same image, so there is no previous version to roll back to', fix: 'keep the previous image on the idle colour' });
      }
      return [
        { name: 'blue', image: blue, replicas: min, hpa },
        { name: 'green', image: green, replicas: min, hpa },
      ];
    }
    if (rollout.kind === 'canary') {
      const c = rollout.canaryOptions!;
      const canaryImage = this.checkImage(`${prop}.rollout.canaryImage`, c.canaryImage);
      const percent = c.percent;
      if (typeof percent !== 'number' || !Number.isFinite(percent) || percent < 0 || percent > 100) {
        throw new ValidationError({ scope: this, prop: `${prop}.rollout.percent`, value: percent, problem: 'a canary share is 0-100 percent', fix: 'step it 10 -> 50 -> 100' });
      }
      // A standby region serves no traffic: it keeps the stable version only.
      if (!hpa || min < 2 || percent === 0) return [{ name: 'stable', image, replicas: min, hpa }, { name: 'canary', image: canaryImage, replicas: 0 }];
      if (percent === 100) return [{ name: 'stable', image, replicas: 0 }, { name: 'canary', image: canaryImage, replicas: min, hpa }];
      // The share is a pod ratio (requests spread evenly over ready pods): at least one canary pod, and enough stable
      // pods next to it that canary / (stable + canary) is the requested share.
      const canaryReplicas = Math.max(1, Math.round((min * percent) / (100 - percent)));
      const stableReplicas = Math.max(min, Math.round((canaryReplicas * (100 - percent)) / percent));
      return [
        { name: 'stable', image, replicas: stableReplicas, hpa: { min: stableReplicas, max: Math.max(stableReplicas, hpa.max) } },
        { name: 'canary', image: canaryImage, replicas: canaryReplicas },
      ];
    }
    return [{ name: 'stable', image, replicas: min, hpa }];
  }

  private checkImage(prop: string, image: string): string {
    if (typeof image !== 'string' || !IMAGE.test(image) || /:latest$/.test(image)) {
      throw new ValidationError({ scope: this, prop, value: image, problem: 'an image must be pinned by a tag other than latest or by a digest, so every rollout and rollback is reproducible', fix: "use e.g. 'contoso.azurecr.io/order-api:1.4.2' or '...@sha256:<digest>'" });
    }
    return image;
  }

  private checkResources(prop: string, r: ResourceOptions): Required<ResourceOptions> {
    const out = { cpuRequest: r.cpuRequest ?? '250m', cpuLimit: r.cpuLimit ?? '1', memoryRequest: r.memoryRequest ?? '256Mi', memoryLimit: r.memoryLimit ?? '512Mi' };
    for (const [key, value] of Object.entries(out)) {
      if (quantity(value) === undefined) {
        throw new ValidationError({ scope: this, prop: `${prop}.resources.${key}`, value, problem: 'not a Kubernetes quantity', fix: "use e.g. '250m', '1', '256Mi'" });
      }
    }
    if (quantity(out.memoryLimit)! < quantity(out.memoryRequest)!) {
      throw new ValidationError({ scope: this, prop: `${prop}.resources.memoryLimit`, value: out.memoryLimit, problem: `below the memory request ${out.memoryRequest}`, fix: 'set the limit at or above the request' });
    }
    if (quantity(out.cpuLimit)! < quantity(out.cpuRequest)!) {
      throw new ValidationError({ scope: this, prop: `${prop}.resources.cpuLimit`, value: out.cpuLimit, problem: `below the CPU request ${out.cpuRequest}`, fix: 'set the limit at or above the request' });
    }
    return out;
  }

  private checkProbes(prop: string, p: ProbePaths): Required<ProbePaths> {
    const probes = { readiness: p.readiness ?? HEALTH_ENDPOINTS.readiness, liveness: p.liveness ?? HEALTH_ENDPOINTS.liveness, startup: p.startup ?? HEALTH_ENDPOINTS.startup };
    for (const [key, path] of Object.entries(probes)) {
      if (typeof path !== 'string' || !/^\/[^\s?#]*$/.test(path)) {
        throw new ValidationError({ scope: this, prop: `${prop}.probes.${key}`, value: path, problem: "a probe path starts with '/'", fix: `use e.g. '${HEALTH_ENDPOINTS.readiness}'` });
      }
    }
    if (new Set(Object.values(probes)).size !== 3) {
      throw new ValidationError({ scope: this, prop: `${prop}.probes`, value: probes, problem: 'readiness, liveness and startup share a path, so a slow dependency would restart pods instead of only taking them out of rotation', fix: 'give each probe its own path' });
    }
    return probes;
  }
}

