import { IPrincipal } from '../core/principal';
import { DataTierProps } from '../data-tier/data-tier';
import { EventTransport } from './transport';
import { EventBusNames } from './transport-types';

// The props of EventBus, apart from the construct so that the props' run-time shape (shapes.ts) can name them
// without importing it.

/** Props of {@link EventBus}. */
export interface EventBusProps extends DataTierProps {
  /** Service Bus Premium (default), Event Hubs (Kafka-compatible) or Event Grid, with its options. @default EventTransport.serviceBus() */
  readonly transport?: EventTransport;
  /**
   * Principals (by a stable key) allowed to publish order events (the Order service's workload identity): a
   * `UserAssignedIdentity`, or `{ principalId: '<Entra ID object ID>' }`. Keys become part of construct IDs, so keep
   * them stable.
   * @default - none
   */
  readonly senders?: { readonly [key: string]: IPrincipal };
  /**
   * Principals (by a stable key) allowed to receive them (the Delivery-tracking service's workload identity;
   * Service Bus or Event Hubs, not Event Grid). Keys become part of construct IDs, so keep them stable.
   * @default - none
   */
  readonly receivers?: { readonly [key: string]: IPrincipal };
  /** Name overrides of the resources the bus creates. @default - generated names (see `EventBusNames`) */
  readonly names?: EventBusNames;
}
