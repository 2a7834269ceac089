import { Construct } from 'constructs';
import { dependable, Fn, Token } from 'cdktf';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import type { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { HorizontalPodAutoscalerV2 } from '@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { PodDisruptionBudgetV1 } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { ValidationError } from '../core/errors';
import { RegionRole, StandbyMode } from '../core/pattern';
import { AKS_POOL_MODE_LABEL } from '../common/node-pool-model';
import { DEFAULT_NAMESPACE, ServiceEnvironment, WORKLOAD_SET_KEYS } from '../common/environment-contract';
import { checkIngressAddresses } from '../common/regional-ingress';
import { HEALTH_ENDPOINTS, PLATFORM_SERVICES, PlatformServiceSpec, ServiceKey } from '../core/services';
import { Regions } from '../core/regions';
import { checkFormat, checkGuid, checkShape, Checks, IPV4_CIDR, pascal } from '../core/validate';
import { planRelease } from './release-plan';
import { ReleasePlan, SlotId, SlotPlan } from './release-slots';
import { Rollout } from './rollout';
import { ORDER_WORKLOADS_SHAPE } from './shapes';
import { PodGroupModel } from './schedulability';
import { backlogAuthentication, checkKeda, scaledObject } from './keda';
import { quantity } from '../common/quantity';
import { OrderServiceResources, OrderSlotResources, OrderWorkloadsProps, ProbePaths, ResourceOptions, WorkloadServiceOptions } from './order-workloads-types';

const IMAGE = /^[a-z0-9]+([._/:-][a-z0-9]+)*(\/[a-z0-9._-]+)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$/;
const DNS_LABEL = /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Namespaces Kubernetes or AKS own: creating one fails on apply (it exists) and would mix the platform with the system. */
const RESERVED_NAMESPACES = /^(default|kube-.*|gatekeeper-system|app-routing-system|calico-system|tigera-operator|aks-.*)$/;
/** AKS labels every node with its pool's mode; the workloads run on user pools only. */
const USER_POOL_SELECTOR = { [AKS_POOL_MODE_LABEL]: 'user' };
/** The rolling update's surge (maxUnavailable is 0: never below the desired count). */
const MAX_SURGE_PERCENT = 25;

/** The props of OrderWorkloads after validation. */
interface CheckedWorkloads {
  readonly namespaceName: string;
  /** The standby mode of a passive region that is not kept active. */
  readonly standby: StandbyMode | undefined;
  readonly standbyMin: number;
  readonly publicServices: ServiceKey[];
  readonly services: Record<ServiceKey, CheckedService>;
}

/** A service's options after validation. */
interface CheckedService {
  readonly image: string;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly cpuTarget: number;
  readonly memoryTarget: number | undefined;
  readonly resources: Required<ResourceOptions>;
  readonly port: number;
  readonly probes: Required<ProbePaths>;
  readonly uid: number;
  readonly preStop: number;
  readonly grace: number;
  readonly rollout: Rollout;
}

/**
 * The Order and Delivery-tracking services on one region's AKS cluster: namespace, workload-identity service
 * accounts, Deployments with zone/host spread on the user node pools, probes, resources and a hardened security
 * context, HPA, PodDisruptionBudget, graceful shutdown, default-deny NetworkPolicy plus the allows each service needs,
 * and a LoadBalancer Service (internal with an AKS-managed Private Link Service for Front Door, or public for Traffic
 * Manager). Releases: rolling, blue-green or canary over two fixed Deployment slots (`<service>`, `<service>-b`).
 *
 * Lives in the region's `-apps` stack, whose kubernetes provider is configured from the cluster's data source.
 */
export class OrderWorkloads extends Construct {
  /** The namespace every object of the services lives in. */
  public readonly namespace: NamespaceV1;
  /** The namespace's default-deny NetworkPolicy (each service's own policy opens what it needs). */
  public readonly defaultDenyPolicy: NetworkPolicyV1;
  /** The Kubernetes objects of each service, by service key: the escape hatch for settings the props do not cover. */
  public readonly services: { readonly [service in ServiceKey]: OrderServiceResources };
  /** Deployment names by service (every slot that exists). */
  public readonly deployments: { readonly [service: string]: string[] };
  /** What each service runs, by service key. */
  public readonly releases: { readonly [service: string]: ReleasePlan };
  /** The pods of every Deployment, for `checkSchedulability` against the stamp's node pools. */
  public readonly podGroups: readonly PodGroupModel[];

  constructor(scope: Construct, id: string, props: OrderWorkloadsProps) {
    super(scope, id);
    checkShape(this, '', props, ORDER_WORKLOADS_SHAPE);
    const { namespaceName, standby, standbyMin, publicServices, services } = this.checkProps(props);

    this.namespace = new NamespaceV1(this, 'Namespace', {
      metadata: { name: namespaceName, labels: { 'app.kubernetes.io/part-of': 'order-platform' } },
    });
    const ns = this.namespace.metadata.name;

    // Default deny for every pod in the namespace; each service then opens what it needs.
    this.defaultDenyPolicy = new NetworkPolicyV1(this, 'DefaultDeny', {
      metadata: { name: 'default-deny', namespace: ns },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });

    const deployments: Record<string, string[]> = {};
    const objects: Partial<Record<ServiceKey, OrderServiceResources>> = {};
    const releases: Record<string, ReleasePlan> = {};
    const groups: PodGroupModel[] = [];
    for (const spec of PLATFORM_SERVICES) {
      const o = services[spec.key];
      const plan = planRelease({ image: o.image, rollout: o.rollout, minReplicas: o.minReplicas, maxReplicas: o.maxReplicas, standby, standbyMinReplicas: standbyMin });
      releases[spec.key] = plan;
      const labels = { app: spec.name, 'app.kubernetes.io/name': spec.name, 'app.kubernetes.io/part-of': 'order-platform' };
      const built = this.service({ spec, o, plan, props, isPublic: publicServices.includes(spec.key), ns, namespaceName, labels, id: pascal(spec.key) }, groups);
      objects[spec.key] = built;
      deployments[spec.key] = built.deployments.map((d) => slotName(spec, d.slot));
    }
    this.services = objects as Record<ServiceKey, OrderServiceResources>;
    this.deployments = deployments;
    this.releases = releases;
    this.podGroups = groups;
  }

  /** Every check of the props, in order, reported at once; the namespace, standby and services to build with. */
  private checkProps(props: OrderWorkloadsProps): CheckedWorkloads {
    const checks = new Checks(this);
    const namespaceName = checks.run(DEFAULT_NAMESPACE, () => checkNamespace(this, props.namespace ?? DEFAULT_NAMESPACE));
    checks.run(undefined, () => Regions.find(props.region, this, 'region'));
    if (props.ingress.region !== props.region) {
      checks.fail({ prop: 'ingress.region', value: props.ingress.region, problem: `the ingress is the ${props.ingress.region} stamp's, and the workloads run in ${props.region}`, fix: "pass the ingress of the stamp whose cluster runs the workloads (stamp.ingress)" });
    }
    checks.run(undefined, () => checkIngressAddresses(this, 'ingress', props.ingress));
    const passive = props.role === RegionRole.PASSIVE;
    for (const key of ['standby', 'standbyActive', 'standbyMinReplicas'] as const) {
      if (!passive && props[key] !== undefined) {
        checks.fail({ prop: key, value: props[key], problem: `only a passive region has a standby, and this region is ${props.role}, so the setting would be ignored`, fix: `drop ${key}` });
      }
    }
    const standbyActive = props.standbyActive ?? false;
    const standby: StandbyMode | undefined = passive && !standbyActive ? (props.standby ?? 'warm') : undefined;
    if (props.standbyMinReplicas !== undefined && props.standby === 'pilot-light') {
      checks.fail({ prop: 'standbyMinReplicas', value: props.standbyMinReplicas, problem: 'a pilot-light region runs no replicas, so the setting would be ignored', fix: "drop standbyMinReplicas, or use standby 'warm'" });
    }
    for (const service of PLATFORM_SERVICES.map((spec) => spec.key)) {
      checks.run(undefined, () => checkGuid(this, `identities.clientIds.${service}`, props.identities.clientIds[service], 'a managed identity client ID', "pass the identity's client_id"));
    }
    if (!checks.failed('namespace') && !Token.isUnresolved(props.identities.namespace) && props.identities.namespace !== namespaceName) {
      checks.fail({ prop: 'identities.namespace', value: props.identities.namespace, problem: `the identities trust service accounts in namespace '${props.identities.namespace}', but the workloads run in '${namespaceName}': Entra ID would refuse every token exchange`, fix: 'give WorkloadIdentities and OrderWorkloads the same namespace' });
    }
    checks.run(undefined, () => checkFormat(this, 'privateEndpointsCidr', props.privateEndpointsCidr, IPV4_CIDR, 'not an IPv4 CIDR', "pass the stamp's private-endpoint subnet, e.g. '10.100.4.0/24'"));
    const publicServices = [...new Set(props.publicServices ?? [])];
    for (const [key, label] of Object.entries(props.publicDnsLabels ?? {})) {
      if (!PLATFORM_SERVICES.some((spec) => spec.key === key)) {
        checks.fail({ prop: `publicDnsLabels.${key}`, value: label, problem: `'${key}' is not a service, so the label would label nothing`, fix: `key the label by a service (${PLATFORM_SERVICES.map((spec) => `'${spec.key}'`).join(', ')})` });
      } else if (!publicServices.includes(key as ServiceKey)) {
        checks.fail({ prop: `publicDnsLabels.${key}`, value: label, problem: 'only public services get a DNS label, so the setting would be ignored', fix: `list '${key}' in publicServices, or drop the label` });
      } else {
        checks.run(undefined, () => checkFormat(this, `publicDnsLabels.${key}`, label, DNS_LABEL, 'not a DNS label (lower-case letters, digits and hyphens, starting with a letter, at most 63)', "use e.g. 'contoso-order-api'"));
      }
    }
    for (const service of PLATFORM_SERVICES.map((spec) => spec.key)) {
      for (const name of Object.keys(props.config[service])) {
        if (!ENV_NAME.test(name)) checks.fail({ prop: `config.${service}.${name}`, value: name, problem: 'not an environment variable name', fix: 'use letters, digits and underscores, not starting with a digit' });
        if ((WORKLOAD_SET_KEYS as readonly string[]).includes(name)) checks.fail({ prop: `config.${service}.${name}`, value: props.config[service][name], problem: `${name} is set from the workloads' own region and role, and this would override it`, fix: `drop ${name} from the config` });
      }
    }
    const standbyMin = props.standbyMinReplicas ?? 1;
    const services = Object.fromEntries(PLATFORM_SERVICES.map((spec) => [spec.key, this.checkService(checks, spec.key, props[spec.key])])) as Record<ServiceKey, CheckedService>;
    if (standby === 'warm') {
      const activeMin = Math.min(...PLATFORM_SERVICES.map((spec) => services[spec.key].minReplicas));
      checks.integer('standbyMinReplicas', standbyMin, 1, activeMin, 'a warm standby runs fewer replicas than an active region, and at least one');
    }
    if (props.keda) checkKeda(checks, props.keda);
    checks.throwIfAny();
    return { namespaceName, standby, standbyMin, publicServices, services };
  }

  private checkService(checks: Checks, prop: string, o: WorkloadServiceOptions): CheckedService {
    const image = checks.run('invalid:0', () => this.checkImage(`${prop}.image`, o.image));
    const minReplicas = checks.integer(`${prop}.minReplicas`, o.minReplicas ?? 2, 2, 1000, 'an active region runs at least 2 replicas: one pod or node loss must not stop the service', 2);
    const maxReplicas = checks.integer(`${prop}.maxReplicas`, o.maxReplicas ?? Math.max(10, minReplicas), minReplicas, 1000, `at least minReplicas (${minReplicas})`, Math.max(10, minReplicas));
    const cpuTarget = checks.integer(`${prop}.cpuTargetPercent`, o.cpuTargetPercent ?? 70, 1, 100, 'utilisation percent', 70);
    const memoryTarget = o.memoryTargetPercent === undefined ? undefined : checks.integer(`${prop}.memoryTargetPercent`, o.memoryTargetPercent, 1, 100, 'utilisation percent', 80);
    const resources = checks.run({ cpuRequest: '250m', cpuLimit: '1', memoryRequest: '256Mi', memoryLimit: '512Mi' }, () => this.checkResources(prop, o.resources ?? {}));
    const port = checks.integer(`${prop}.containerPort`, o.containerPort ?? 8443, 1024, 65535, 'non-root containers bind unprivileged ports', 8443);
    const probes = checks.run({ readiness: HEALTH_ENDPOINTS.readiness, liveness: HEALTH_ENDPOINTS.liveness, startup: HEALTH_ENDPOINTS.startup }, () => this.checkProbes(prop, o.probes ?? {}));
    const uid = checks.integer(`${prop}.runAsUser`, o.runAsUser ?? 10001, 10001, 2147483647, 'a UID above 10000 never collides with a host user', 10001);
    const preStop = checks.integer(`${prop}.preStopSeconds`, o.preStopSeconds ?? 15, 0, 120, 'seconds', 15);
    const grace = checks.integer(`${prop}.terminationGracePeriodSeconds`, o.terminationGracePeriodSeconds ?? 45, preStop + 1, 600, 'longer than the preStop pause, so requests can finish after SIGTERM', Math.max(45, preStop + 1));
    const rollout = o.rollout ?? Rollout.rolling();
    // A refused image is reported already; the rollout does not compare the colours or the canary with its placeholder.
    const checkedImage = checks.failed(`${prop}.image`) ? undefined : image;
    checks.run(undefined, () => rollout.validate({ scope: this, prop: `${prop}.rollout`, image: checkedImage, minReplicas, maxReplicas, checkImage: (p, i) => this.checkImage(p, i) }));
    return { image, minReplicas, maxReplicas, cpuTarget, memoryTarget, resources, port, probes, uid, preStop, grace, rollout };
  }

  /**
   * Builds one service: its workload-identity service account, ConfigMap, the Deployment (and autoscaler) of each
   * release slot, PodDisruptionBudget, Services and NetworkPolicy; returns them.
   */
  private service(b: ServiceBuild, groups: PodGroupModel[]): OrderServiceResources {
    const { spec, props, ns, labels, id } = b;
    const account = new ServiceAccountV1(this, `${id}ServiceAccount`, {
      metadata: { name: spec.name, namespace: ns, annotations: { 'azure.workload.identity/client-id': props.identities.clientIds[spec.key] }, labels },
      automountServiceAccountToken: true,
    });
    const config = new ConfigMapV1(this, `${id}Config`, {
      metadata: { name: `${spec.name}-config`, namespace: ns, labels },
      data: { ...({ REGION: props.region, REGION_ROLE: props.role } satisfies ServiceEnvironment), ...props.config[spec.key] },
    });
    // Environment variables are read at container start: a hash of the configuration in the pod template rolls the
    // pods (maxUnavailable 0) whenever it changes, e.g. a region's role or the database hosts after a failover. The hash
    // is a Terraform expression, so values known only at apply time count too.
    const configHash = Fn.sha256(Fn.jsonencode(config.data));

    const backlog = props.keda?.[spec.key]?.backlog;
    // KEDA reads the backlog as its operator, with the identity the trigger authentication names (workload identity).
    const backlogAuth = backlog && b.plan.slots.length > 0
      ? backlogAuthentication(this, `${id}BacklogAuthentication`, `${spec.name}-servicebus`, b.namespaceName, backlog.identityClientId, labels, [this.namespace])
      : undefined;
    const slots = this.slotDeployments(b, account.metadata.name, configHash, groups);
    let disruptionBudget: PodDisruptionBudgetV1 | undefined;
    if (b.plan.slots.length > 0) {
      // At most one pod of the service down during voluntary disruptions (node upgrades, drains).
      disruptionBudget = new PodDisruptionBudgetV1(this, `${id}DisruptionBudget`, {
        metadata: { name: spec.name, namespace: ns, labels },
        spec: { maxUnavailable: '1', selector: { matchLabels: { app: spec.name } } },
      });
    }
    const service = this.loadBalancerService(b, slots.serving, slots.idle);
    let previewService: ServiceV1 | undefined;
    if (b.plan.previewSlot) {
      // The idle slot, reachable inside the cluster for tests before a flip (`kubectl port-forward svc/<name>-preview`).
      previewService = new ServiceV1(this, `${id}PreviewService`, {
        metadata: { name: `${spec.name}-preview`, namespace: ns, labels: { ...labels, 'order-platform/role': 'preview' } },
        spec: { type: 'ClusterIP', selector: selector(spec, b.plan.previewSlot), port: [{ name: 'https', port: 443, targetPort: 'https', protocol: 'TCP' }] },
      });
    }
    const networkPolicy = this.networkPolicy(b);
    return { serviceAccount: account, config, deployments: slots.deployments, disruptionBudget, service, previewService, networkPolicy, ...(backlogAuth ? { backlogAuthentication: backlogAuth } : {}) };
  }

  /**
   * Builds the Deployment of every slot the release plan runs, recording each slot's pods in `groups`; returns the
   * Deployments that serve and those that stay idle, and every Deployment name.
   */
  private slotDeployments(b: ServiceBuild, serviceAccount: string, configHash: string, groups: PodGroupModel[]): { serving: DeploymentV1[]; idle: DeploymentV1[]; deployments: OrderSlotResources[] } {
    // The main Service switches to newly selected slots only after they are ready, and slots that stop serving
    // shrink only after it has switched (Terraform applies dependencies first).
    const serving: DeploymentV1[] = [];
    const idle: DeploymentV1[] = [];
    const deployments: OrderSlotResources[] = [];
    for (const slot of b.plan.slots) {
      const built = this.deployment(b, slot, serviceAccount, configHash);
      (slot.serving ? serving : idle).push(built.deployment);
      deployments.push({ slot: slot.slot, ...built });
      groups.push(podGroup(b.spec, b.o, slot));
    }
    return { serving, idle, deployments };
  }

  /**
   * Builds the service's LoadBalancer Service: internal with an AKS-managed Private Link Service for Front Door, or
   * public with a DNS label; it waits for the serving slots, and the idle slots wait for it.
   */
  private loadBalancerService(b: ServiceBuild, serving: DeploymentV1[], idle: DeploymentV1[]): ServiceV1 {
    const { spec, props } = b;
    const regional = props.ingress.services[spec.key];
    const mainService = new ServiceV1(this, `${b.id}Service`, {
      metadata: {
        name: spec.name,
        namespace: b.ns,
        labels: b.labels,
        annotations: b.isPublic
          ? (props.publicDnsLabels?.[spec.key] ? { 'service.beta.kubernetes.io/azure-dns-label-name': props.publicDnsLabels[spec.key] } : {})
          : {
            // Internal load balancer at the fixed address the global entry expects, plus the AKS-managed Private
            // Link Service Front Door Premium connects to.
            'service.beta.kubernetes.io/azure-load-balancer-internal': 'true',
            'service.beta.kubernetes.io/azure-load-balancer-internal-subnet': props.ingress.subnetName,
            'service.beta.kubernetes.io/azure-load-balancer-ipv4': regional.privateIp,
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
        // Local: the load balancer sends a connection only to nodes that run a ready pod of the service, probing each
        // node's health-check node port (HTTP, answered by the node from the pods' readiness), and the client address
        // is kept, so the NetworkPolicy below can admit exactly the load balancer's sources. (With Cluster, a TCP
        // probe on the node port says nothing about the pods, and requests relayed through another node arrive from
        // that node, which a Cilium ipBlock rule cannot match.)
        externalTrafficPolicy: 'Local',
        selector: selector(spec, b.plan.selectedSlot),
        port: [{ name: 'https', port: 443, targetPort: 'https', protocol: 'TCP' }],
      },
      dependsOn: serving,
    });
    for (const deployment of idle) deployment.dependsOn = [...(deployment.dependsOn ?? []), dependable(mainService)];
    return mainService;
  }

  /**
   * Builds the service's NetworkPolicy: requests only from the load balancer's sources on the HTTPS port; cluster DNS,
   * the data tier's private endpoints and HTTPS out.
   */
  private networkPolicy(b: ServiceBuild): NetworkPolicyV1 {
    const { spec, props } = b;
    return new NetworkPolicyV1(this, `${b.id}NetworkPolicy`, {
      metadata: { name: spec.name, namespace: b.ns },
      spec: {
        podSelector: { matchLabels: { app: spec.name } },
        policyTypes: ['Ingress', 'Egress'],
        // Requests arrive only through the load balancer, on the HTTPS port: from the Private Link Service's NAT
        // addresses in the ingress subnet (Front Door), or for a public service from the Internet (client addresses
        // are kept), never from other pods.
        ingress: [{
          from: [{ ipBlock: b.isPublic ? { cidr: '0.0.0.0/0', except: [props.ingress.podCidr] } : { cidr: props.ingress.subnetCidr } }],
          ports: [{ port: 'https', protocol: 'TCP' }],
        }],
        egress: [
          // Cluster DNS.
          { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }], ports: [{ port: '53', protocol: 'UDP' }, { port: '53', protocol: 'TCP' }] },
          // Data tier over private endpoints, any port: SQL uses 1433 and 11000-11999, PostgreSQL 5432, AMQP 5671,
          // Azure Managed Redis 10000 (and its shards' ports under OSSCluster), and Cosmos DB direct mode may use the
          // whole TCP range through a private endpoint.
          { to: [{ ipBlock: { cidr: props.privateEndpointsCidr } }] },
          // HTTPS: Entra ID token exchange, Cosmos DB, Service Bus over WebSockets, Application Insights.
          { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: '443', protocol: 'TCP' }] },
        ],
      },
    });
  }

  /**
   * Builds a slot's Deployment (zone and host spread on the user pools, hardened pods) and, when it autoscales, its HPA
   * or, with `keda`, its KEDA ScaledObject.
   */
  private deployment(b: ServiceBuild, slot: SlotPlan, serviceAccount: string, configHash: string): { deployment: DeploymentV1; autoscaler?: HorizontalPodAutoscalerV2; scaledObject?: Manifest } {
    const { spec, o, ns, labels } = b;
    const name = slotName(spec, slot.slot);
    const slotSelector = { app: spec.name, slot: slot.slot };
    const deployment = new DeploymentV1(this, `${pascal(spec.key)}Deployment${slot.slot === 'a' ? '' : 'B'}`, {
      metadata: { name, namespace: ns, labels: { ...labels, slot: slot.slot, track: slot.track } },
      spec: {
        replicas: String(slot.replicas),
        revisionHistoryLimit: 5,
        // The selector is immutable: the slot, never the release track, identifies the Deployment's pods.
        selector: { matchLabels: slotSelector },
        // Zero-downtime rollouts: never below the desired count, a quarter extra at a time.
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '0', maxSurge: `${MAX_SURGE_PERCENT}%` } },
        template: {
          metadata: {
            labels: { ...labels, ...slotSelector, track: slot.track, 'azure.workload.identity/use': 'true' },
            annotations: { 'order-platform/config-sha256': configHash },
          },
          spec: {
            serviceAccountName: serviceAccount,
            terminationGracePeriodSeconds: o.grace,
            // User node pools only: the system pool is tainted for critical add-ons.
            nodeSelector: USER_POOL_SELECTOR,
            securityContext: { runAsNonRoot: true, runAsUser: String(o.uid), runAsGroup: String(o.uid), fsGroup: String(o.uid), seccompProfile: { type: 'RuntimeDefault' } },
            topologySpreadConstraint: [
              // Zones are counted only where the pods may run (the user pools: the node selector with the default
              // nodeAffinityPolicy, Honor, already leaves the system pool out, and nodeTaintsPolicy Honor also leaves
              // out any tainted pool). Without either, the tainted system pool's zones counted as domains, and a zone
              // without a user node blocked every pod beyond the second.
              { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Honor', labelSelector: [{ matchLabels: slotSelector }] },
              // Hosts: every pod of the service, both slots, so each node holds a similar share (the load balancer
              // spreads connections per node, then over the node's pods).
              { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Honor', labelSelector: [{ matchLabels: { app: spec.name } }] },
            ],
            container: [container(spec, o, slot)],
            volume: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
          },
        },
      },
      // An autoscaled slot's count belongs to its HPA once the Deployment exists (it is created with the HPA's
      // minimum); a fixed slot's count is set on every apply.
      lifecycle: slot.autoscale ? { ignoreChanges: ['spec[0].replicas'] } : undefined,
    });
    if (!slot.autoscale) return { deployment };
    const keda = b.props.keda;
    if (keda) {
      const scaling = keda[spec.key];
      const backlog = scaling?.backlog ? { ...scaling.backlog, authenticationName: `${spec.name}-servicebus` } : undefined;
      return {
        deployment,
        scaledObject: scaledObject(this, `${pascal(spec.key)}ScaledObject${slot.slot === 'a' ? '' : 'B'}`, {
          name, namespace: b.namespaceName, labels, min: slot.autoscale.min, max: slot.autoscale.max, serviceMin: o.minReplicas,
          cpuTarget: o.cpuTarget, memoryTarget: o.memoryTarget, schedules: scaling?.schedules ?? [], backlog,
        }, [deployment]),
      };
    }
    const autoscaler = new HorizontalPodAutoscalerV2(this, `${pascal(spec.key)}Autoscaler${slot.slot === 'a' ? '' : 'B'}`, {
      metadata: { name, namespace: ns, labels },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name },
        minReplicas: slot.autoscale.min,
        maxReplicas: slot.autoscale.max,
        metric: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: o.cpuTarget } } },
          ...(o.memoryTarget === undefined ? [] : [{ type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: o.memoryTarget } } }]),
        ],
      },
    });
    return { deployment, autoscaler };
  }

  private checkImage(prop: string, image: string): string {
    if (Token.isUnresolved(image)) return image;
    if (IMAGE.test(image) && !/:latest$/.test(image)) return image;
    const name = image.replace(/(@sha256:.*|:[^/:]*)$/, '');
    const problem = /:latest$/.test(image) ? "the tag 'latest' moves, so a rollout or rollback would not be reproducible"
      : !/(:[^/:]+|@sha256:[A-Fa-f0-9]+)$/.test(image) ? 'an image must be pinned by a tag (other than latest) or by a digest, so every rollout and rollback is reproducible'
        : /[A-Z]/.test(name) ? 'registry and repository names are lower-case'
          : /@sha256:/.test(image) ? 'a sha256 digest is 64 lower-case hex digits'
            : 'not an image reference (registry/repository:tag or @sha256:digest)';
    throw new ValidationError({ scope: this, prop, value: image, problem, fix: "use e.g. 'contoso.azurecr.io/order-api:1.4.2' or '...@sha256:<digest>'" });
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
      if (!/^\/[^\s?#]*$/.test(path)) {
        throw new ValidationError({ scope: this, prop: `${prop}.probes.${key}`, value: path, problem: "a probe path starts with '/' and has no spaces, query or fragment", fix: `use e.g. '${HEALTH_ENDPOINTS.readiness}'` });
      }
    }
    if (new Set(Object.values(probes)).size !== 3) {
      throw new ValidationError({ scope: this, prop: `${prop}.probes`, value: probes, problem: 'readiness, liveness and startup share a path, so a slow dependency would restart pods instead of only taking them out of rotation', fix: 'give each probe its own path' });
    }
    return probes;
  }
}

/** What building one service needs, shared by the methods that build its objects. */
interface ServiceBuild {
  readonly spec: PlatformServiceSpec;
  readonly o: CheckedService;
  readonly plan: ReleasePlan;
  readonly props: OrderWorkloadsProps;
  /** Behind a public load balancer (Traffic Manager, or Front Door behind API Management). */
  readonly isPublic: boolean;
  /** The namespace's name, as a reference to the namespace resource. */
  readonly ns: string;
  /** The namespace's name as given (a `kubernetes_manifest` needs its metadata known at plan). */
  readonly namespaceName: string;
  /** The labels of every object of the service. */
  readonly labels: Record<string, string>;
  /** The service key in PascalCase, which starts its construct ids. */
  readonly id: string;
}

/** A slot's container: the image, HTTPS port, configuration, resources, probes, graceful shutdown and a locked-down security context. */
function container(spec: PlatformServiceSpec, o: CheckedService, slot: SlotPlan) {
  const probe = (path: string, extra: object) => ({ httpGet: { path, port: 'https', scheme: 'HTTPS' }, timeoutSeconds: 2, ...extra });
  return {
    name: spec.name,
    image: slot.image,
    port: [{ name: 'https', containerPort: o.port, protocol: 'TCP' }],
    envFrom: [{ configMapRef: { name: `${spec.name}-config` } }],
    resources: { requests: { cpu: o.resources.cpuRequest, memory: o.resources.memoryRequest }, limits: { cpu: o.resources.cpuLimit, memory: o.resources.memoryLimit } },
    startupProbe: probe(o.probes.startup, { periodSeconds: 5, failureThreshold: 30 }),
    readinessProbe: probe(o.probes.readiness, { periodSeconds: 5, failureThreshold: 3 }),
    livenessProbe: probe(o.probes.liveness, { periodSeconds: 10, failureThreshold: 3 }),
    lifecycle: { preStop: [{ exec: { command: ['/bin/sh', '-c', `sleep ${o.preStop}`] } }] },
    securityContext: {
      runAsNonRoot: true,
      runAsUser: String(o.uid),
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    },
    volumeMount: [{ name: 'tmp', mountPath: '/tmp' }],
  };
}

/** A slot's pods as the scheduling model sees them (`checkSchedulability`). */
function podGroup(spec: PlatformServiceSpec, o: CheckedService, slot: SlotPlan): PodGroupModel {
  return {
    name: slotName(spec, slot.slot),
    cpuMillis: quantity(o.resources.cpuRequest)! * 1000,
    memoryMiB: quantity(o.resources.memoryRequest)! / 1024 ** 2,
    nodeSelector: USER_POOL_SELECTOR,
    zoneSpread: { maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule', nodeTaintsPolicy: 'Honor', nodeAffinityPolicy: 'Honor' },
    minReplicas: slot.autoscale?.min ?? slot.replicas,
    maxReplicas: slot.autoscale?.max ?? slot.replicas,
    surge: Math.ceil(((slot.autoscale?.max ?? slot.replicas) * MAX_SURGE_PERCENT) / 100),
  };
}

/** The Deployment name of a slot: `<service>` or `<service>-b`. */
function slotName(spec: PlatformServiceSpec, slot: SlotId): string {
  return slot === 'a' ? spec.name : `${spec.name}-b`;
}

/** Labels a Service selects: one slot, or every pod of the service. */
function selector(spec: PlatformServiceSpec, slot: SlotId | undefined): { [key: string]: string } {
  return slot ? { app: spec.name, slot } : { app: spec.name };
}

/** A namespace the workloads may create. */
function checkNamespace(scope: Construct, name: string): string {
  if (!DNS_LABEL.test(name)) {
    throw new ValidationError({ scope, prop: 'namespace', value: name, problem: 'not a DNS-1123 label', fix: `use lower-case letters, digits and hyphens, e.g. '${DEFAULT_NAMESPACE}'` });
  }
  if (RESERVED_NAMESPACES.test(name)) {
    throw new ValidationError({ scope, prop: 'namespace', value: name, problem: 'Kubernetes or AKS owns this namespace: creating it fails on apply, and the platform must not share it with system pods', fix: `use a namespace of its own, e.g. '${DEFAULT_NAMESPACE}'` });
  }
  return name;
}
