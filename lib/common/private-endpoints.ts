import { PrivateDnsZoneSpec } from './private-dns-zones';

// Contract between the data constructs, which list the private endpoints their resources need, and the stamps, which
// create them in their private-endpoint subnet (`DataTierConstruct.connect(stamp)`).

/** A private endpoint every stamp gets to a data-tier resource. */
export interface DataTierEndpoint {
  /** Stable key, the end of the endpoint's construct ID (`westus3`, `eastus2-replica-centralus`, ...). */
  readonly key: string;
  /** Middle of the endpoint's name, `pe-<qualifier>` (`sql-westus3`, `cosmos-eastus2`, ...). */
  readonly qualifier: string;
  /** Azure resource ID the endpoint connects to. */
  readonly resourceId: string;
  /** Private-link sub-resource (`sqlServer`, `Sql`, `namespace`, ...). */
  readonly subresource: string;
  /** Private DNS zone the endpoint registers in. */
  readonly zone: PrivateDnsZoneSpec;
  /** Region of the resource. Under regionPinned only the stamp of the same region (its cell) gets this endpoint. */
  readonly region: string;
  /** Only the stamp of the resource's own region gets this endpoint, under every pattern. @default false */
  readonly localOnly?: boolean;
}
