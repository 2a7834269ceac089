import { HEALTH_ENDPOINTS, PLATFORM_SERVICES, TRACKING_EVENTS_PATH } from '../../lib/core/services';

/**
 * Unit tests of lib/core/services.ts: the contract between the services' Kubernetes objects and the global entry
 * (names, routes, Private Link Service names and load-balancer addresses must stay as deployed clusters have them).
 */

describe('platform services', () => {
  test('Order API and Delivery-tracking API, in that order', () => {
    expect(PLATFORM_SERVICES).toEqual([
      { key: 'order', name: 'order-api', pathPrefix: '/orders', privateLinkServiceName: 'pls-order-api', ingressHost: 10 },
      { key: 'tracking', name: 'tracking-api', pathPrefix: '/tracking', privateLinkServiceName: 'pls-tracking-api', ingressHost: 11 },
    ]);
  });

  test('health endpoints every service implements', () => {
    expect(HEALTH_ENDPOINTS).toEqual({ readiness: '/healthz/ready', liveness: '/healthz/live', startup: '/healthz/startup' });
  });

  test('the Event Grid webhook lies under the tracking route, so the entry forwards it', () => {
    expect(TRACKING_EVENTS_PATH).toBe('/tracking/events');
  });
});
