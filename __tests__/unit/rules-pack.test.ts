import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ValidationError } from '../../lib/core/errors';
import { checkSuppressions, checkSynthesized, formatRuleReport, readCdktfOut, ruleReportMarkdown, RuleReport } from '../../lib/rules/rule-pack';
import { preventsDestroy } from '../../lib/rules/rule';
import { blocks, isExpression, isObject, JsonObject, SynthesizedApp, valueAt } from '../../lib/rules/synthesized';

// The engine of the rule pack: reading synthesized JSON, following references, suppressions and the report.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** Two stacks: `data` holds a SQL server (public: OP-SQL-001 fails) whose ID it exports; `app` refers to it across stacks. */
function twoStacks(server: JsonObject = {}): { name: string; json: JsonObject }[] {
  return [
    {
      name: 'shop-data',
      json: {
        resource: {
          azurerm_mssql_server: { Sql: { '//': { metadata: { path: 'shop-data/Db/Sql' } }, name: 'sql-1', location: 'westus3', public_network_access_enabled: true, minimum_tls_version: '1.2', azuread_administrator: { azuread_authentication_only: true }, lifecycle: { prevent_destroy: true }, ...server } },
          azurerm_mssql_server_extended_auditing_policy: { Audit: { server_id: '${azurerm_mssql_server.Sql.id}', log_monitoring_enabled: true } },
          azurerm_mssql_server_security_alert_policy: { Alerts: { server_name: '${azurerm_mssql_server.Sql.name}', state: 'Enabled' } },
          azurerm_monitor_diagnostic_setting: { Diag: { target_resource_id: '${azurerm_mssql_server.Sql.id}' } },
        },
        output: { 'cross-stack-output-azurerm_mssql_serverSqlid': { value: '${azurerm_mssql_server.Sql.id}', sensitive: true } },
      },
    },
    {
      name: 'shop-app',
      json: {
        data: { terraform_remote_state: { 'cross-stack-reference-input-shop-data': { backend: 'local' } } },
        resource: {
          azurerm_private_endpoint: { Pe: { name: 'pe-sql', private_dns_zone_group: { private_dns_zone_ids: ['${azurerm_private_dns_zone.Zone.id}'] }, private_service_connection: { private_connection_resource_id: '${data.terraform_remote_state.cross-stack-reference-input-shop-data.outputs.cross-stack-output-azurerm_mssql_serverSqlid}' } } },
          azurerm_private_dns_zone: { Zone: { name: 'privatelink.database.windows.net' } },
        },
      },
    },
  ];
}

describe('SynthesizedApp', () => {
  const app = new SynthesizedApp(twoStacks());

  test('lists every resource with its stack, type, name, address and construct path', () => {
    expect(app.resources.map((r) => `${r.stack} ${r.address} ${r.constructPath ?? '-'}`)).toEqual([
      'shop-data azurerm_mssql_server.Sql shop-data/Db/Sql',
      'shop-data azurerm_mssql_server_extended_auditing_policy.Audit -',
      'shop-data azurerm_mssql_server_security_alert_policy.Alerts -',
      'shop-data azurerm_monitor_diagnostic_setting.Diag -',
      'shop-app azurerm_private_endpoint.Pe -',
      'shop-app azurerm_private_dns_zone.Zone -',
    ]);
    expect(app.ofType('azurerm_private_endpoint', 'azurerm_private_dns_zone').map((r) => r.name)).toEqual(['Pe', 'Zone']);
    expect(app.find('shop-data', 'azurerm_mssql_server.Sql')?.body.name).toBe('sql-1');
    expect(app.find('shop-app', 'azurerm_mssql_server.Sql')).toBeUndefined();
    expect(app.stack('shop-app')?.name).toBe('shop-app');
  });

  test('follows references in the same stack and through cdktf cross-stack outputs; data sources and unknown names are left out', () => {
    const sql = app.find('shop-data', 'azurerm_mssql_server.Sql')!;
    expect(app.referencedBy('shop-data', '${azurerm_mssql_server.Sql.id}')).toEqual([sql]);
    expect(app.referencedBy('shop-data', 'x-${azurerm_mssql_server.Sql.name}-y ${azurerm_mssql_server.Sql.id}')).toEqual([sql]);
    expect(app.referencedBy('shop-app', valueAt(app.find('shop-app', 'azurerm_private_endpoint.Pe')!.body, 'private_service_connection'))).toEqual([sql]);
    expect(app.referencedBy('shop-app', { ids: ['${azurerm_private_dns_zone.Zone.id}'] }).map((r) => r.address)).toEqual(['azurerm_private_dns_zone.Zone']);
    expect(app.referencedBy('shop-app', '${data.terraform_remote_state.cross-stack-reference-input-elsewhere.outputs.x}')).toEqual([]);
    expect(app.referencedBy('shop-app', '${data.terraform_remote_state.other-name.outputs.cross-stack-output-azurerm_mssql_serverSqlid}')).toEqual([]);
    expect(app.referencedBy('shop-data', 'azurerm_mssql_server.Sql.id')).toEqual([]);
    expect(app.referencedBy('shop-data', '${sql-1.database.windows.net}')).toEqual([]);
    expect(app.referencedBy('shop-data', undefined)).toEqual([]);
  });

  test('blocks, valueAt and isExpression read single blocks, lists of blocks and expressions', () => {
    expect(blocks({ a: 1 })).toEqual([{ a: 1 }]);
    expect(blocks([{ a: 1 }, 'x', { b: 2 }])).toEqual([{ a: 1 }, { b: 2 }]);
    expect(blocks('x')).toEqual([]);
    expect(blocks(undefined)).toEqual([]);
    expect(valueAt({ a: [{ b: { c: 3 } }] }, 'a.b.c')).toBe(3);
    expect(valueAt({ a: { b: 1 } }, 'a.x.y')).toBeUndefined();
    expect(valueAt({ a: 1 }, 'a.b')).toBeUndefined();
    expect(isExpression('${var.x}')).toBe(true);
    expect(isExpression('x')).toBe(false);
    expect(isExpression(1)).toBe(false);
  });

  test('skips what is not a resource body', () => {
    const odd = new SynthesizedApp([{ name: 's', json: { resource: { azurerm_x: { ok: {}, bad: 'x' }, azurerm_y: [], azurerm_z: [{ a: 1 }] } as Loose } }, { name: 'empty', json: {} }]);
    expect(odd.resources.map((r) => r.address)).toEqual(['azurerm_x.ok']);
    // Without construct metadata there is no constructPath key at all.
    expect('constructPath' in odd.resources[0]).toBe(false);
    expect(isObject(null)).toBe(false);
    expect(isObject([])).toBe(false);
    expect(isObject({})).toBe(true);
  });

  test('cross-stack outputs read through a typed remote state data source (terraform_remote_state_<backend>) are followed too', () => {
    const stacks = twoStacks();
    const pe = (stacks[1].json.resource as Loose).azurerm_private_endpoint.Pe;
    pe.private_service_connection.private_connection_resource_id = '${data.terraform_remote_state_s3.cross-stack-reference-input-shop-data.outputs.cross-stack-output-azurerm_mssql_serverSqlid}';
    const typed = new SynthesizedApp(stacks);
    expect(typed.referencedBy('shop-app', pe.private_service_connection.private_connection_resource_id).map((r) => r.address)).toEqual(['azurerm_mssql_server.Sql']);
  });
});

test('preventsDestroy: any lifecycle block that prevents destroy', () => {
  expect(preventsDestroy({ lifecycle: [{ prevent_destroy: false }, { prevent_destroy: true }] })).toBe(true);
  expect(preventsDestroy({ lifecycle: { prevent_destroy: true } })).toBe(true);
  expect(preventsDestroy({ lifecycle: { prevent_destroy: false } })).toBe(false);
  expect(preventsDestroy({})).toBe(false);
});

describe('suppressions', () => {
  test('a finding suppressed by address, stack/address or construct path moves to suppressed with its reason', () => {
    for (const resource of ['azurerm_mssql_server.Sql', 'shop-data/azurerm_mssql_server.Sql', 'shop-data/Db/Sql']) {
      const report = checkSynthesized(twoStacks(), { suppressions: [{ ruleId: 'OP-SQL-001', resource, reason: 'public for the migration window' }] });
      expect(report.findings.filter((f) => f.ruleId === 'OP-SQL-001')).toEqual([]);
      expect(report.suppressed).toEqual([expect.objectContaining({ ruleId: 'OP-SQL-001', stack: 'shop-data', address: 'azurerm_mssql_server.Sql', constructPath: 'shop-data/Db/Sql', reason: 'public for the migration window' })]);
      expect(report.unusedSuppressions).toEqual([]);
    }
  });

  test('a suppression of another rule or resource does not match and is reported as unused', () => {
    const suppressions = [
      { ruleId: 'OP-SQL-002', resource: 'azurerm_mssql_server.Sql', reason: 'another rule entirely' },
      { ruleId: 'OP-SQL-001', resource: 'azurerm_mssql_server.Other', reason: 'another resource entirely' },
      { ruleId: 'OP-SQL-001', resource: 'shop-app/azurerm_mssql_server.Sql', reason: 'another stack entirely' },
    ];
    const report = checkSynthesized(twoStacks(), { suppressions });
    expect(report.findings.map((f) => `${f.ruleId} ${f.stack}/${f.address}`)).toContain('OP-SQL-001 shop-data/azurerm_mssql_server.Sql');
    expect(report.suppressed).toEqual([]);
    expect(report.unusedSuppressions).toEqual(suppressions);
  });

  test.each<[string, unknown, RegExp]>([
    ['an unknown rule', [{ ruleId: 'OP-XXX-001', resource: 'a.b', reason: 'long enough reason' }], /suppressions\[0\]\.ruleId "OP-XXX-001": not a rule of the pack\. Fix: use an id from docs\/rules\.md/],
    ['an empty resource', [{ ruleId: 'OP-SQL-001', resource: ' ', reason: 'long enough reason' }], /suppressions\[0\]\.resource " ": empty\. Fix: name the resource/],
    ['a short reason', [{ ruleId: 'OP-SQL-001', resource: 'a.b', reason: 'because' }], /suppressions\[0\]\.reason "because": a suppression needs a written reason \(at least 10 characters\)/],
    ['an unknown key', [{ ruleId: 'OP-SQL-001', resource: 'a.b', reason: 'long enough reason', until: '2027' }], /until/],
    ['a missing reason', [{ ruleId: 'OP-SQL-001', resource: 'a.b' }], /reason/],
    ['not a list', { ruleId: 'OP-SQL-001' }, /a list of suppressions/],
  ])('%s is a ValidationError', (_label, suppressions, message) => {
    expect(() => checkSuppressions('test', 'suppressions', suppressions)).toThrow(ValidationError);
    expect(() => checkSuppressions('test', 'suppressions', suppressions)).toThrow(message);
  });

  test('several bad suppressions are reported together; none is no suppression', () => {
    expect(() => checkSuppressions('t', 's', [{ ruleId: 'X', resource: '', reason: '' }])).toThrow(/3 problems/);
    expect(checkSuppressions('t', 's', undefined)).toEqual([]);
  });
});

test('suppression messages, word for word: each field named, a reason of 10 characters after trimming', () => {
  const message = (v: unknown) => { try { checkSuppressions('x', 's', v); return 'ok'; } catch (e) { return (e as Error).message; } };
  expect(message([{ ruleId: 1, resource: 2, reason: 3 }])).toBe('x: 3 problems\n'
    + '  - x: invalid s[0].ruleId 1: expected a rule id, got the number 1. Fix: give a rule id\n'
    + '  - x: invalid s[0].resource 2: expected a resource address or construct path, got the number 2. Fix: give a resource address or construct path\n'
    + '  - x: invalid s[0].reason 3: expected a reason, got the number 3. Fix: give a reason');
  expect(message(['x'])).toBe('x: invalid s[0] "x": expected a suppression { ruleId, resource, reason }, got the string "x". Fix: give a suppression { ruleId, resource, reason }');
  expect(message([{ ruleId: 'OP-SQL-001', resource: 'a.b', reason: '  012345678  ' }])).toBe('x: invalid s[0].reason "  012345678  ": a suppression needs a written reason (at least 10 characters). Fix: say why the finding is accepted, so a reviewer can judge it');
  expect(message([{ ruleId: 'OP-SQL-001', resource: 'a.b', reason: '0123456789' }])).toBe('ok');
  expect(() => checkSynthesized([], { suppressions: 'x' as never })).toThrow(/^checkSynthesized: invalid suppressions "x"/);
});

describe('the report', () => {
  const report = (extra: Partial<RuleReport> = {}): RuleReport => ({ ...checkSynthesized(twoStacks({ minimum_tls_version: '1.0' }), { suppressions: [{ ruleId: 'OP-SQL-002', resource: 'azurerm_mssql_server.Sql', reason: 'an old client | until June' }] }), ...extra });

  test('counts rules, resources and stacks; the public SQL server is one error with its source', () => {
    const r = report();
    expect(r.stacks).toEqual(['shop-data', 'shop-app']);
    expect(r.resources).toBe(6);
    expect(r.findings.map((f) => f.ruleId)).toContain('OP-SQL-001');
    expect(r.findings.find((f) => f.ruleId === 'OP-SQL-001')).toEqual({
      ruleId: 'OP-SQL-001', severity: 'error', summary: 'SQL servers refuse public network access; the stamps reach them through private endpoints.',
      source: { kind: 'checkov', reference: 'CKV_AZURE_113' }, stack: 'shop-data', address: 'azurerm_mssql_server.Sql', constructPath: 'shop-data/Db/Sql',
      message: 'public_network_access_enabled is true; expected false',
    });
  });

  test('as text: a summary line, each error and warning with its rule and source, suppressions, unused ones and the fix hint', () => {
    const text = formatRuleReport(report({ unusedSuppressions: [{ ruleId: 'OP-KV-001', resource: 'azurerm_key_vault.Kv', reason: 'no longer needed' }] }));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^order-platform rules: \d+ rules on 6 resources of 2 stack\(s\): \d+ error\(s\), 0 warning\(s\), 1 suppressed$/);
    expect(text).toContain('  ERROR OP-SQL-001 shop-data/azurerm_mssql_server.Sql: public_network_access_enabled is true; expected false\n        SQL servers refuse public network access; the stamps reach them through private endpoints. (checkov: CKV_AZURE_113)');
    expect(text).toContain('  SUPPRESSED OP-SQL-002 shop-data/azurerm_mssql_server.Sql: an old client | until June');
    expect(text).toContain('  UNUSED SUPPRESSION OP-KV-001 azurerm_key_vault.Kv: it matches no finding; remove it');
    expect(lines[lines.length - 1]).toBe('Fix each error, or suppress it with a reason (MultiRegionOrderPlatform checks.suppressions, README "Rules").');
  });

  test('as text: warnings are WARN lines and there is no fix hint without errors', () => {
    const warning = { ...report().findings[0], severity: 'warning' as const };
    const text = formatRuleReport({ ...report(), findings: [warning] });
    expect(text).toMatch(/: 0 error\(s\), 1 warning\(s\), 1 suppressed\n {2}WARN {2}/);
    expect(text).not.toContain('Fix each error');
  });

  test('as Markdown: the findings and suppressions tables, pipes escaped; None. when empty', () => {
    const md = ruleReportMarkdown(report());
    expect(md).toMatch(/^# Rule report\n\n\d+ rules on 6 resources of 2 stack\(s\): shop-data, shop-app\.\n\n## Findings\n\n\| rule \| severity \| resource \| finding \| source \|\n/);
    expect(md).toContain('| OP-SQL-001 | error | `shop-data/azurerm_mssql_server.Sql` | public_network_access_enabled is true; expected false | checkov: CKV_AZURE_113 |');
    expect(md).toContain('| OP-SQL-002 | error | `shop-data/azurerm_mssql_server.Sql` | minimum_tls_version is "1.0"; expected "1.2" (or unset) | an old client \\| until June |');
    expect(md).toContain('| finding | source |\n|---|---|---|---|---|\n| OP-');
    expect(md).toContain('## Suppressed\n\n| rule | severity | resource | finding | reason |\n|---|---|---|---|---|\n| OP-SQL-002 ');
    expect(md).not.toContain('## Unused suppressions');
    const piped = ruleReportMarkdown({ ...report(), findings: [{ ...report().findings[0], message: 'a | b' }] });
    expect(piped).toContain(' | a \\| b | ');
    const empty = ruleReportMarkdown({ ...report(), findings: [], suppressed: [], unusedSuppressions: [{ ruleId: 'OP-KV-001', resource: 'a.b', reason: 'no longer needed' }] });
    expect(empty).toContain('## Findings\n\nNone.\n\n## Suppressed\n\nNone.\n\n## Unused suppressions\n\n- OP-KV-001 `a.b`: matches no finding\n');
    expect(empty.endsWith('\n')).toBe(true);
  });
});

describe('readCdktfOut', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'rules-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (stack: string, json: unknown) => {
    mkdirSync(join(dir, 'stacks', stack), { recursive: true });
    writeFileSync(join(dir, 'stacks', stack, 'cdk.tf.json'), JSON.stringify(json));
  };

  test('reads every stacks/<name>/cdk.tf.json, sorted, from the output folder or its stacks folder', () => {
    write('b', { resource: {} });
    write('a', { resource: { azurerm_x: { y: {} } } });
    mkdirSync(join(dir, 'stacks', 'no-json'));
    expect(readCdktfOut(dir).map((s) => s.name)).toEqual(['a', 'b']);
    expect(readCdktfOut(join(dir, 'stacks')).map((s) => s.name)).toEqual(['a', 'b']);
    expect(readCdktfOut(dir)[1]).toEqual({ name: 'b', json: { resource: {} } });
  });

  test.each<[string, (d: string) => string, RegExp]>([
    ['a missing folder', (d) => join(d, 'nope'), /^readCdktfOut: invalid dir ".*nope": not a folder\. Fix: pass the cdktf output folder/],
    ['a file', (d) => { writeFileSync(join(d, 'f'), ''); return join(d, 'f'); }, /not a folder/],
    ['a folder without stacks', (d) => d, /^readCdktfOut: invalid dir ".*": holds no stacks\/<stack>\/cdk\.tf\.json\. Fix: run cdktf synth first/],
  ])('%s is a ValidationError', (_label, path, message) => {
    expect(() => readCdktfOut(path(dir))).toThrow(message);
  });

  test('a stack whose JSON is not an object is a ValidationError', () => {
    write('a', [1, 2]);
    expect(() => readCdktfOut(dir)).toThrow('readCdktfOut: invalid stacks/a/cdk.tf.json [1,2]: not a Terraform JSON object. Fix: synthesize again');
  });
});
