// The props of the address plan, apart from the class so its run-time shape (core/shapes.ts) can name them.

/** Input of {@link AddressPlan}. */
export interface AddressPlanProps {
  /**
   * The one address space every region's VNet is carved from; each region takes the next block of
   * `regionPrefixLength` in list order, so append new regions at the end of the list.
   * @default '10.100.0.0/16'
   */
  readonly addressSpace?: string;
  /**
   * Prefix length of each region's VNet (16-22; /22 is the smallest that still holds every subnet).
   * @default 20
   */
  readonly regionPrefixLength?: number;
  /**
   * AKS pod CIDR (Azure CNI Overlay: not routable outside the cluster, so every region may reuse it; it must
   * not overlap the address space).
   * @default '192.168.0.0/16'
   */
  readonly podCidr?: string;
  /**
   * AKS service CIDR (the cluster DNS service takes its tenth address); must not overlap the address space or the
   * pod CIDR.
   * @default '172.16.0.0/16'
   */
  readonly serviceCidr?: string;
}
