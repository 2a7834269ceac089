import { ValidationError } from '../../lib/core/errors';
import { checkShape, objectShape } from '../../lib/core/validate';
import { ORDER_CACHE_ENTRIES } from '../../lib/cache/shapes';

/** The run-time shape of the cache's own props (lib/cache/shapes.ts), as a JSON or YAML user meets it. */

const shape = objectShape(ORDER_CACHE_ENTRIES);
const problems = (value: unknown): string[] => {
  try {
    checkShape('cache', '', value, shape);
    return [];
  } catch (e) {
    return (e as ValidationError).violations.map((v) => `${v.prop}: ${v.problem}`);
  }
};

describe('the cache options\' shape', () => {
  test.each(['AllKeysLRU', 'AllKeysLFU', 'AllKeysRandom', 'VolatileLRU', 'VolatileLFU', 'VolatileRandom', 'VolatileTTL', 'NoEviction'])('accepts the eviction policy %s', (policy) => {
    expect(problems({ evictionPolicy: policy })).toEqual([]);
  });

  test.each(['EnterpriseCluster', 'OSSCluster'])('accepts the clustering policy %s', (policy) => {
    expect(problems({ clusteringPolicy: policy })).toEqual([]);
  });

  test('refuses other policies, listing Azure\'s', () => {
    expect(problems({ evictionPolicy: 'LRU', clusteringPolicy: 'NoCluster' })).toEqual([
      "evictionPolicy: expected one of 'AllKeysLRU', 'AllKeysLFU', 'AllKeysRandom', 'VolatileLRU', 'VolatileLFU', 'VolatileRandom', 'VolatileTTL', 'NoEviction', got the string \"LRU\"",
      "clusteringPolicy: expected one of 'EnterpriseCluster', 'OSSCluster', got the string \"NoCluster\"",
    ]);
  });

  test('names: a map of region names to cache names, and a group name', () => {
    expect(problems({ names: { caches: { westus3: 'shop-cache' }, geoReplicationGroup: 'g' } })).toEqual([]);
    expect(problems({ names: { caches: ['shop-cache'] } })).toEqual(['names.caches: expected an object of region names to cache names, got a list']);
    expect(problems({ names: { cache: {} } })).toEqual(["names.cache: unknown option 'cache', which would be ignored"]);
  });
});
