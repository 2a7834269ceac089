// Facts about Azure SQL General Purpose serverless that both the database construct and the insight reports read
// (the reports read synthesized JSON and may not import the constructs).

/**
 * Azure's floor of min vCores for each General Purpose serverless max vCores (Microsoft Learn, "Resource limits for
 * single databases using the vCore purchasing model", General Purpose - serverless compute - standard-series (Gen5),
 * rows "Min-max vCores"; 80 max vCores only in some regions).
 */
export const SERVERLESS_MIN_VCORES: { readonly [maxVcores: number]: number } = {
  1: 0.5, 2: 0.5, 4: 0.5, 6: 0.75, 8: 1, 10: 1.25, 12: 1.5, 14: 1.75, 16: 2, 18: 2.25, 20: 2.5, 24: 3, 32: 4, 40: 5, 80: 10,
};
