import { Construct } from 'constructs';
import { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Naming, ResourceKind } from '../core/naming';
import { PLATFORM_SERVICES, ServiceKey } from '../core/services';
import { DEFAULT_NAMESPACE } from '../common/environment-contract';
import { checkFormat, checkShape, opt, shapes, strictShape } from '../core/validate';
import { RegionalStamp } from '../stamp/regional-stamp';

/** What the workloads need from their managed identities ({@link WorkloadIdentities} provides it). */
export interface IWorkloadIdentities {
  /** Client ID of each service's user-assigned managed identity. */
  readonly clientIds: { readonly [service in ServiceKey]: string };
  /** Namespace of the service accounts the identities are federated with. */
  readonly namespace: string;
}

/** Props of {@link WorkloadIdentities}. */
export interface WorkloadIdentitiesProps {
  /** The stamp whose cluster's OIDC issuer the identities trust. */
  readonly stamp: RegionalStamp;
  /** Name prefix (2-12 lower-case letters and digits). */
  readonly prefix: string;
  /** Kubernetes namespace of the service accounts. @default 'orders' */
  readonly namespace?: string;
  /**
   * Also an identity for the KEDA add-on's operator (`system:serviceaccount:kube-system:keda-operator`), which backlog
   * triggers read Service Bus with (grant it `EventBus.grantBacklogRead`).
   * @default false
   */
  readonly keda?: boolean;
}

/**
 * The Azure side of workload identity for both services in one region: a user-assigned managed identity per
 * service, federated with the cluster's OIDC issuer for the service's Kubernetes service account
 * (`system:serviceaccount:<namespace>:<service>`). Lives in the region stack; the `-apps` stack annotates the
 * service accounts with the client IDs.
 */
export class WorkloadIdentities extends Construct implements IWorkloadIdentities {
  /** Identities by service key (`order`, `tracking`). */
  public readonly identities: { readonly [service: string]: UserAssignedIdentity };
  /** Client ID of each service's identity. */
  public readonly clientIds: { readonly [service in ServiceKey]: string };
  /** Name of each service's identity, known at synth time (also the service's database user name). */
  public readonly names: { readonly [service in ServiceKey]: string };
  /** Namespace of the service accounts the identities trust. */
  public readonly namespace: string;
  /** The KEDA operator's identity, with `keda`. */
  public readonly kedaIdentity?: UserAssignedIdentity;

  constructor(scope: Construct, id: string, props: WorkloadIdentitiesProps) {
    super(scope, id);
    checkShape(this, '', props, strictShape<WorkloadIdentitiesProps>({
      stamp: shapes.instance(() => RegionalStamp, 'a RegionalStamp'),
      prefix: shapes.string(), namespace: opt(shapes.string()), keda: opt(shapes.boolean()),
    }));
    const naming = new Naming(Naming.validatePrefix(this, 'prefix', props.prefix));
    const namespace = props.namespace ?? DEFAULT_NAMESPACE;
    checkFormat(this, 'namespace', namespace, /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/, 'not a DNS-1123 label', `use lower-case letters, digits and hyphens, e.g. '${DEFAULT_NAMESPACE}'`);
    const region = props.stamp.region.name;
    const identities: Record<string, UserAssignedIdentity> = {};
    const names: Partial<Record<ServiceKey, string>> = {};
    for (const service of PLATFORM_SERVICES) {
      const name = naming.name(this, ResourceKind.USER_ASSIGNED_IDENTITY, { qualifier: `${service.name}-${region}`, childId: service.key });
      names[service.key] = name;
      const identity = new UserAssignedIdentity(this, `${service.key}Identity`, {
        name,
        location: region,
        resourceGroupName: props.stamp.resourceGroupName,
        tags: { component: 'workload-identity', service: service.name, region },
      });
      new FederatedIdentityCredential(this, `${service.key}Federation`, {
        name: `aks-${service.name}`,
        parentId: identity.id,
        resourceGroupName: props.stamp.resourceGroupName,
        audience: ['api://AzureADTokenExchange'],
        issuer: props.stamp.cluster.oidcIssuerUrl,
        subject: `system:serviceaccount:${namespace}:${service.name}`,
      });
      identities[service.key] = identity;
    }
    this.identities = identities;
    this.names = names as Record<ServiceKey, string>;
    this.clientIds = { order: identities.order.clientId, tracking: identities.tracking.clientId };
    this.namespace = namespace;
    if (props.keda) {
      // The AKS KEDA add-on runs its operator as kube-system/keda-operator; a TriggerAuthentication's identityId makes it
      // exchange that service account's token for this identity (KEDA, "Azure AD Workload Identity": overrides need
      // the override identity federated with the operator's service account).
      this.kedaIdentity = new UserAssignedIdentity(this, 'kedaIdentity', {
        name: naming.name(this, ResourceKind.USER_ASSIGNED_IDENTITY, { qualifier: `keda-${region}`, childId: 'keda' }),
        location: region,
        resourceGroupName: props.stamp.resourceGroupName,
        tags: { component: 'workload-identity', service: 'keda-operator', region },
      });
      new FederatedIdentityCredential(this, 'kedaFederation', {
        name: 'aks-keda-operator',
        parentId: this.kedaIdentity.id,
        resourceGroupName: props.stamp.resourceGroupName,
        audience: ['api://AzureADTokenExchange'],
        issuer: props.stamp.cluster.oidcIssuerUrl,
        subject: 'system:serviceaccount:kube-system:keda-operator',
      });
    }
  }
}
