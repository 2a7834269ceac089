import { DataTierProps } from '../data-tier/data-tier';
import { EventTransport } from './transport';

// The props of EventBus, apart from the construct so that the props' run-time shape (shapes.ts) can name them
// without importing it.

/** Props of {@link EventBus}. */
export interface EventBusProps extends DataTierProps {
  /** Service Bus Premium (default) or Event Grid, with its options. @default EventTransport.serviceBus() */
  readonly transport?: EventTransport;
  /**
   * Principals (by a stable key) allowed to publish order events (the Order service's workload identity).
   * @default - none
   */
  readonly senders?: { readonly [key: string]: string };
  /**
   * Principals (by a stable key) allowed to receive them (the Delivery-tracking service's workload identity;
   * Service Bus only).
   * @default - none
   */
  readonly receivers?: { readonly [key: string]: string };
}
