/** A Kubernetes resource quantity: a decimal number with an optional SI or binary suffix (`250m`, `1.5`, `512Mi`). */
export const QUANTITY = /^(\d+(\.\d+)?)(m|Mi|Gi|Ki|M|G|K)?$/;

/** Kubernetes quantity in base units (cores or bytes), or `undefined` when it is not a quantity. */
export function quantity(value: string): number | undefined {
  const m = QUANTITY.exec(value);
  if (!m) return undefined;
  const factor: { [unit: string]: number } = { m: 0.001, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, K: 1e3, M: 1e6, G: 1e9 };
  return Number(m[1]) * (m[3] ? factor[m[3]] : 1);
}
