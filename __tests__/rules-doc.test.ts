import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { RULES } from '../lib/rules/rule-pack';

// docs/rules.md lists every rule of the pack exactly as the code states it. The table between the markers is
// generated: after adding or changing a rule, `UPDATE_CONTRACTS=1 npx jest __tests__/rules-doc.test.ts` rewrites it.

const FILE = join(__dirname, '..', 'docs', 'rules.md');
const MARKERS = /<!-- rules -->\n[\s\S]*?<!-- \/rules -->/;

/** The catalog table: one row per rule, in id order. */
function table(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const source = (kind: string, reference: string) => (reference.startsWith('https://') ? `${kind}: [${reference.replace(/^https:\/\/learn\.microsoft\.com\/azure\//, '')}](${reference})` : `${kind}: ${reference}`);
  return [
    '| id | severity | what must hold | resource types | attribute | source |',
    '|---|---|---|---|---|---|',
    ...RULES.map((r) => `| ${r.id} | ${r.severity} | ${cell(r.summary)} | ${r.resourceTypes.map((t) => `\`${t}\``).join(', ')} | \`${cell(r.attribute)}\` | ${cell(source(r.source.kind, r.source.reference))} |`),
  ].join('\n');
}

test('docs/rules.md lists every rule as the code states it', () => {
  const doc = readFileSync(FILE, 'utf8');
  const expected = doc.replace(MARKERS, `<!-- rules -->\n${table()}\n<!-- /rules -->`);
  if (expected !== doc && process.env.UPDATE_CONTRACTS === '1' && !process.env.CI) writeFileSync(FILE, expected);
  expect(readFileSync(FILE, 'utf8')).toBe(expected);
  expect(doc).toMatch(MARKERS);
});

test('the catalog covers every resource type the README promises, and at least 60 rules', () => {
  const types = new Set(RULES.flatMap((r) => r.resourceTypes));
  for (const t of ['azurerm_kubernetes_cluster', 'azurerm_mssql_server', 'azurerm_postgresql_flexible_server', 'azurerm_cosmosdb_account', 'azurerm_servicebus_namespace', 'azurerm_eventgrid_topic',
    'azurerm_cdn_frontdoor_profile', 'azurerm_cdn_frontdoor_firewall_policy', 'azurerm_traffic_manager_profile', 'azurerm_api_management', 'azurerm_key_vault', 'azurerm_storage_account', 'kubernetes_deployment_v1']) {
    expect([...types]).toContain(t);
  }
  expect(RULES.length).toBeGreaterThanOrEqual(60);
});
