import { readFileSync } from 'fs';
import { join } from 'path';
import { DEFAULT_NAMESPACE, ENVIRONMENT_CONTRACT, WORKLOAD_SET_KEYS } from '../../lib/common/environment-contract';
import { PLATFORM_SERVICES } from '../../lib/core/services';

/**
 * The environment contract (lib/common/environment-contract.ts) as data: the README's table is the module's list, row
 * for row. __tests__/environment-contract.test.ts checks the list against the ConfigMaps the examples synthesize.
 */

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The README's "Environment contract" table: key, services, when, value per row. */
function readmeTable(): { name: string; services: string[]; when: string; value: string }[] {
  const start = README.indexOf('| key | services | set | value |');
  expect(start).toBeGreaterThan(0);
  const rows = README.slice(start).split('\n').slice(2);
  return rows.slice(0, rows.findIndex((line) => !line.startsWith('|'))).map((line) => {
    const [name, services, when, value] = line.split(' | ').map((cell) => cell.replace(/^\| |\s*\|$/g, ''));
    return { name: name.replace(/`/g, ''), services: services.split(', '), when, value };
  });
}

describe('the environment contract', () => {
  test("the README's table is the contract, row for row", () => {
    const table = readmeTable();
    expect(table).toHaveLength(25);
    expect(table).toEqual(ENVIRONMENT_CONTRACT.map((spec) => ({ name: spec.name, services: [...spec.services], when: spec.when, value: spec.value })));
  });

  test('names are unique environment variable names; every service gets the keys the workloads set', () => {
    const names = ENVIRONMENT_CONTRACT.map((spec) => spec.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
    expect(WORKLOAD_SET_KEYS).toEqual(['REGION', 'REGION_ROLE']);
    for (const key of WORKLOAD_SET_KEYS) {
      expect(ENVIRONMENT_CONTRACT.find((spec) => spec.name === key)?.services).toEqual(PLATFORM_SERVICES.map((s) => s.key));
    }
  });

  test('the default namespace is `orders`, the one the README names', () => {
    expect(DEFAULT_NAMESPACE).toBe('orders');
    expect(README).toContain(`\`system:serviceaccount:${DEFAULT_NAMESPACE}:<service>\``);
    expect(README).toContain(`in the namespace, \`${DEFAULT_NAMESPACE}\` by default`);
  });
});
