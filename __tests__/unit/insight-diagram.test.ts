import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { diagramMermaid, diagramSvg } from '../../lib/insight/diagram';
import { PlatformTopology, readTopology } from '../../lib/insight/topology';
import { exampleStacks } from '../support/examples';

// The platform diagram: Mermaid and SVG from the synthesized topology. docs/diagrams/primary-secondary.svg (shown in
// the README) is the primary-secondary example's; `UPDATE_CONTRACTS=1 npx jest __tests__/unit/insight-diagram.test.ts` rewrites it.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const topologyOf = (id: string): PlatformTopology => readTopology(Object.entries(exampleStacks(id)).map(([name, json]) => ({ name, json: json as Loose })), id);

/** Every element name in order of opening and closing: the SVG is well-formed when they balance. */
function balanced(svg: string): boolean {
  const stack: string[] = [];
  for (const [, close, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (!close) stack.push(name);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

describe('diagramMermaid', () => {
  test('primarySecondary: the entry, a subgraph per region with its boxes, and the replication arrows', () => {
    expect(diagramMermaid(topologyOf('primary-secondary'))).toBe([
      'flowchart TB', '  users((Customers))', '  entry["Front Door + WAF"]', '  users --> entry',
      '  subgraph westus3["westus3 (primary), zones 1-3"]',
      '    westus3_aks["AKS<br/>order-api 22+, tracking-api 2+"]', '    westus3_db[("Azure SQL (writer)<br/>zone-redundant")]',
      '    westus3_cosmos[("Cosmos DB<br/>write region")]', '    westus3_bus[["Service Bus<br/>alias primary"]]', '  end', '  entry --> westus3_aks',
      '  subgraph eastus["eastus (secondary), zones 1-3"]',
      '    eastus_aks["AKS<br/>order-api 22+, tracking-api 2+"]', '    eastus_db[("Azure SQL<br/>copy of westus3")]',
      '    eastus_cosmos[("Cosmos DB<br/>read region")]', '    eastus_bus[["Service Bus<br/>standby of westus3"]]', '  end', '  entry --> eastus_aks',
      '  westus3_db -. "failover group" .-> eastus_db', '  westus3_cosmos -. "replication" .-> eastus_cosmos', '  westus3_bus -. "geo-DR alias (metadata)" .-> eastus_bus', '',
    ].join('\n'));
  });

  test('activeActive: each cell\'s failover group and its readable geo-replica; regionPinned: no arrows between cells', () => {
    const aa = diagramMermaid(topologyOf('active-active'));
    expect(aa).toContain('  centralus_db -. "failover group" .-> eastus2_db\n  centralus_db -. "readable geo-replica" .-> westus3_db');
    expect(aa).toContain('  westus3_cosmos -. "multi-region writes" .-> eastus2_cosmos');
    expect(diagramMermaid(topologyOf('region-pinned'))).not.toContain(' .-> ');
  });
});

describe('diagramSvg', () => {
  test.each(['zone-redundant', 'primary-secondary', 'active-passive', 'active-active', 'region-pinned'])('%s: a well-formed SVG with a panel per region, a box per service and data store, an arrow per replication', (id) => {
    const t = topologyOf(id);
    const svg = diagramSvg(t);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+"/);
    expect(balanced(svg)).toBe(true);
    for (const r of t.regions) expect(svg).toContain(`>${r.name} (${r.role})</text>`);
    const pairs = [
      ...(t.orderDatabase?.cells ?? []).flatMap((c) => c.copies.map((to) => [c.home, to])),
      ...(t.trackingStore?.accounts ?? []).flatMap((a) => a.regions.slice(1).map((to) => [a.regions[0], to])),
      ...(t.events?.namespaces ?? []).filter((n) => n.standbyIn).map((n) => [n.region, n.standbyIn!]),
    ];
    // Every replication is in the legend; neighbouring panels also get an arrow.
    expect([...svg.matchAll(/<text [^>]*fill="#333">[^<]* → [^<]*<\/text>/g)].length).toBe(pairs.length);
    const position = (name: string) => t.regions.findIndex((r) => r.name === name);
    expect([...svg.matchAll(/<line [^>]*stroke-dasharray="5 3"/g)].length).toBe(pairs.filter(([a, b]) => Math.abs(position(a) - position(b)) === 1).length);
    expect([...svg.matchAll(/marker-end="url\(#arrow\)"\/>/g)].length).toBe(t.regions.length);
  });

  test('names are escaped for XML; a platform without an entry draws no entry arrows', () => {
    const t = topologyOf('zone-redundant');
    const svg = diagramSvg({ ...t, id: 'a&b<c>', entry: { kind: 'none' } });
    expect(svg).toContain('>a&amp;b&lt;c&gt; (zoneRedundant)</text>');
    expect(svg).toContain('>no global entry</text>');
    expect(svg).not.toMatch(/<line [^>]*marker-end="url\(#arrow\)"\/>/);
  });

  test('docs/diagrams/primary-secondary.svg is the primary-secondary example\'s diagram', () => {
    const file = join(__dirname, '..', '..', 'docs', 'diagrams', 'primary-secondary.svg');
    const svg = diagramSvg(topologyOf('primary-secondary'));
    if (process.env.UPDATE_CONTRACTS === '1' && !process.env.CI) writeFileSync(file, svg);
    expect(existsSync(file) ? readFileSync(file, 'utf8') : '(missing)').toBe(svg);
  });
});

describe('diagrams of what the examples do not have', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const ps: any = readTopology(Object.entries(exampleStacks('primary-secondary')).map(([name, json]) => ({ name, json: json as never })), 'primary-secondary');

  test('Traffic Manager with API Management; a passive region drawn dashed; a region with zones says so', () => {
    const t = { ...ps, entry: { kind: 'trafficManager', apiManagement: { regions: ['westus3'], zonal: false } }, regions: [ps.regions[0], { ...ps.regions[1], role: 'passive' }] };
    expect(diagramMermaid(t)).toContain('  entry["Traffic Manager → API Management"]\n');
    const svg = diagramSvg(t);
    expect(svg).toContain('font-weight="bold">Traffic Manager → API Management</text>');
    expect(svg).toMatch(/stroke="#999" stroke-dasharray="6 4"\/>\n?<text[^>]*>eastus \(passive\)</);
    expect(svg).toMatch(/stroke="#333" stroke-dasharray="none"\/>\n?<text[^>]*>westus3 \(primary\)</);
  });

  test('no entry, no workloads, a pilot light: the entry reaches only regions with pods, and none without an entry', () => {
    const pilot = { ...ps, regions: [ps.regions[0], { ...ps.regions[1], minPods: { 'order-api': 0, 'tracking-api': 0 } }] };
    const m = diagramMermaid(pilot);
    expect(m).toContain('  entry --> westus3_aks\n');
    expect(m).not.toContain('entry --> eastus_aks');
    const bare = { ...ps, entry: { kind: 'none' }, regions: ps.regions.map((r: { minPods: object }) => ({ ...r, minPods: {} })), orderDatabase: undefined, trackingStore: undefined, events: undefined };
    const b = diagramMermaid(bare);
    expect(b).toContain('  entry["no global entry"]\n');
    expect(b).not.toContain('entry --> ');
    expect(b).toContain('westus3_aks["AKS<br/>cluster"]');
    expect(b).not.toMatch(/_db|_cosmos|_bus/);
    const unserved = diagramMermaid({ ...bare, entry: { kind: 'frontDoor' } });
    expect(unserved).toContain('  entry --> westus3_aks\n');
  });

  test('names are escaped in SVG and made identifiers in Mermaid; a single-zone writer says so', () => {
    const t = { ...ps, id: 'x', regions: [{ ...ps.regions[0], name: 'we"st-3', zonal: false }], orderDatabase: { engine: 'sql', cells: [{ ...ps.orderDatabase.cells[0], home: 'we"st-3', zoneRedundant: false, copies: [] }] }, trackingStore: undefined, events: undefined };
    expect(diagramSvg(t)).toContain('we&quot;st-3 (primary)');
    const m = diagramMermaid(t);
    expect(m).toContain('  subgraph we_st_3["we"st-3 (primary)"]');
    expect(m).toContain('we_st_3_db[("Azure SQL (writer)<br/>single zone")]');
    expect(diagramSvg(t)).toContain('>no zones</text>');
  });

  test('a region that holds no copy of the database and no namespace gets no box for them; one service with pods is enough for the entry', () => {
    const extra = { ...ps.regions[1], name: 'centralus', minPods: { 'order-api': 0, 'tracking-api': 2 } };
    const m = diagramMermaid({ ...ps, regions: [...ps.regions, extra] });
    expect(m).toContain('  subgraph centralus["centralus (secondary), zones 1-3"]\n    centralus_aks["AKS<br/>order-api 0+, tracking-api 2+"]\n  end\n  entry --> centralus_aks\n');
  });

  test('an arrow from a panel to its left neighbour runs right to left, below the one the other way', () => {
    const svg = diagramSvg(topologyOf('active-active'));
    expect(topologyOf('active-active').regions.map((r) => r.name)).toEqual(['westus3', 'centralus', 'eastus2']);
    // Panels at x = 40, 330, 620 (250 wide, 40 apart); the database row's boxes at y = 266, 56 high.
    expect(svg).toContain('<line x1="345" y1="300" x2="275" y2="300" stroke="#555" stroke-dasharray="5 3" marker-end="url(#arrow)"><title>centralus to westus3: readable geo-replica</title></line>');
    expect(svg).toContain('<line x1="565" y1="288" x2="635" y2="288" stroke="#555" stroke-dasharray="5 3" marker-end="url(#arrow)"><title>centralus to eastus2: failover group</title></line>');
  });

  test('without replication there is no Replication legend', () => {
    expect(diagramSvg(topologyOf('zone-redundant'))).not.toContain('>Replication</text>');
    expect(diagramSvg(topologyOf('primary-secondary'))).toContain('>Replication</text>');
  });
});

