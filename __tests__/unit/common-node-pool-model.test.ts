import { AKS_POOL_MODE_LABEL } from '../../lib/common/node-pool-model';

/** lib/common/node-pool-model.ts: the one run-time value of the node pool contract. */
describe('the node pool model', () => {
  test('the pool-mode label is the one AKS sets on every node', () => {
    expect(AKS_POOL_MODE_LABEL).toBe('kubernetes.azure.com/mode');
  });
});
