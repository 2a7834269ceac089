/** Service keys: `order` (Order API) and `tracking` (Delivery-tracking API). */
export type ServiceKey = 'order' | 'tracking';

/** The two services of the platform and the contract between their Kubernetes Services and the global entry. */
export interface PlatformServiceSpec {
  /** Key used in props and construct IDs. */
  readonly key: ServiceKey;
  /** Kubernetes name (Deployment, Service) and origin-group name. */
  readonly name: string;
  /** Path prefix the global entry routes to the service (`/orders/*`). */
  readonly pathPrefix: string;
  /** Name of the Private Link Service AKS creates for the service's internal load balancer. */
  readonly privateLinkServiceName: string;
  /** Host number of the service's internal load balancer address inside the stamp's ingress subnet. */
  readonly ingressHost: number;
}

/** Order API and Delivery-tracking API. */
export const PLATFORM_SERVICES: readonly PlatformServiceSpec[] = [
  { key: 'order', name: 'order-api', pathPrefix: '/orders', privateLinkServiceName: 'pls-order-api', ingressHost: 10 },
  { key: 'tracking', name: 'tracking-api', pathPrefix: '/tracking', privateLinkServiceName: 'pls-tracking-api', ingressHost: 11 },
];

/** Health endpoints every service implements (probed by Kubernetes and by the global entry). */
export const HEALTH_ENDPOINTS = {
  /** Ready to take traffic; the global entry's health probe path. */
  readiness: '/healthz/ready',
  /** Process alive. */
  liveness: '/healthz/live',
  /** Finished starting. */
  startup: '/healthz/startup',
} as const;

/**
 * Path of the Delivery-tracking service's Event Grid webhook (CloudEvents 1.0) when events arrive through the
 * platform's own entry: under the tracking route, so Front Door forwards it.
 */
export const TRACKING_EVENTS_PATH = `${PLATFORM_SERVICES.find((s) => s.key === 'tracking')!.pathPrefix}/events`;
