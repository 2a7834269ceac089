/**
 * A picture of a platform from its synthesized topology: the entry, one panel per region (role, zones, the services'
 * pods, the Order database, the tracking store, the event bus) and the replication between regions. As Mermaid text
 * for READMEs and as a standalone SVG drawn here (no browser, no layout engine).
 */
import { PlatformTopology, RegionTopology, SERVICES } from './topology';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const id = (s: string) => s.replace(/[^A-Za-z0-9]/g, '_');

/** The boxes of one region, top to bottom. */
function boxes(t: PlatformTopology, r: RegionTopology): { key: 'aks' | 'db' | 'cosmos' | 'bus'; label: string; detail: string }[] {
  const list: { key: 'aks' | 'db' | 'cosmos' | 'bus'; label: string; detail: string }[] = [];
  const pods = Object.values(SERVICES).map((s) => `${s} ${r.minPods[s] ?? 0}+`).join(', ');
  list.push({ key: 'aks', label: 'AKS', detail: Object.keys(r.minPods).length ? pods : 'cluster' });
  const db = t.orderDatabase;
  const home = db?.cells.find((c) => c.home === r.name);
  const copyOf = db?.cells.filter((c) => c.copies.includes(r.name)).map((c) => c.home) ?? [];
  if (db && (home || copyOf.length)) {
    const engine = db.engine === 'sql' ? 'Azure SQL' : 'PostgreSQL';
    const copies = copyOf.length === 1 ? `copy of ${copyOf[0]}` : `${copyOf.length} copies`;
    list.push({ key: 'db', label: `${engine}${home ? ' (writer)' : ''}`, detail: [home ? (home.zoneRedundant ? 'zone-redundant' : home.sameZoneHa ? 'same-zone HA' : 'single zone') : '', home?.readPool ? `${home.readPool} read replica${home.readPool > 1 ? 's' : ''}` : '', copyOf.length ? copies : ''].filter(Boolean).join(' + ') });
  }
  const account = t.trackingStore?.accounts.find((a) => a.regions.includes(r.name));
  if (account) list.push({ key: 'cosmos', label: 'Cosmos DB', detail: account.multiWrite ? 'writes here' : account.regions[0] === r.name ? 'write region' : 'read region' });
  const bus = t.events;
  if (bus) {
    const primary = bus.namespaces.find((n) => n.region === r.name);
    const standby = bus.namespaces.filter((n) => n.standbyIn === r.name).map((n) => n.region);
    if (primary || standby.length) list.push({ key: 'bus', label: { serviceBus: 'Service Bus', eventHubs: 'Event Hubs', eventGrid: 'Event Grid' }[bus.transport], detail: [primary ? (primary.standbyIn ? (standby.length ? 'primary' : 'alias primary') : bus.transport === 'eventGrid' ? 'topic' : 'namespace') : '', standby.length ? `standby of ${standby.length === 1 ? standby[0] : `${standby.length}`}` : ''].filter(Boolean).join(' + ') });
  }
  return list;
}

/** Replication between regions: [from, to, what, row]. */
function links(t: PlatformTopology): { from: string; to: string; label: string; key: 'db' | 'cosmos' | 'bus' }[] {
  const out: { from: string; to: string; label: string; key: 'db' | 'cosmos' | 'bus' }[] = [];
  for (const c of t.orderDatabase?.cells ?? []) {
    for (const copy of c.copies) {
      const target = copy === c.failoverTarget;
      out.push({ from: c.home, to: copy, label: target && c.failover.kind === 'failoverGroup' ? 'failover group' : target ? 'replica + virtual endpoint' : 'readable geo-replica', key: 'db' });
    }
  }
  for (const a of t.trackingStore?.accounts ?? []) for (const r of a.regions.slice(1)) out.push({ from: a.regions[0], to: r, label: a.multiWrite ? 'multi-region writes' : 'replication', key: 'cosmos' });
  for (const n of t.events?.namespaces ?? []) if (n.standbyIn) out.push({ from: n.region, to: n.standbyIn, label: 'geo-DR alias (metadata)', key: 'bus' });
  return out;
}

function entryLabel(t: PlatformTopology): string {
  const kind = t.entry.kind === 'frontDoor' ? 'Front Door + WAF' : t.entry.kind === 'trafficManager' ? 'Traffic Manager' : 'no global entry';
  return t.entry.apiManagement ? `${kind} → API Management` : kind;
}

/** The platform as a Mermaid flowchart. */
export function diagramMermaid(t: PlatformTopology): string {
  const lines = ['flowchart TB', '  users((Customers))', `  entry["${entryLabel(t)}"]`, '  users --> entry'];
  for (const r of t.regions) {
    lines.push(`  subgraph ${id(r.name)}["${r.name} (${r.role})${r.zonal ? ', zones 1-3' : ''}"]`);
    for (const b of boxes(t, r)) {
      const shape = b.key === 'aks' ? ['[', ']'] : b.key === 'bus' ? ['[[', ']]'] : ['[(', ')]'];
      lines.push(`    ${id(r.name)}_${b.key}${shape[0]}"${b.label}<br/>${b.detail}"${shape[1]}`);
    }
    lines.push('  end');
    if ((Object.values(r.minPods).some((n) => n > 0) || Object.keys(r.minPods).length === 0) && t.entry.kind !== 'none') lines.push(`  entry --> ${id(r.name)}_aks`);
  }
  for (const l of links(t)) lines.push(`  ${id(l.from)}_${l.key} -. "${l.label}" .-> ${id(l.to)}_${l.key}`);
  return `${lines.join('\n')}\n`;
}

const PANEL_W = 250;
const GAP = 40;
const BOX_H = 56;
const ROW: { readonly [k in 'aks' | 'db' | 'cosmos' | 'bus']: number } = { aks: 0, db: 1, cosmos: 2, bus: 3 };
const FILL: { readonly [k in 'aks' | 'db' | 'cosmos' | 'bus']: string } = { aks: '#e8f1fb', db: '#fdf2e3', cosmos: '#eaf6ec', bus: '#f3ecf9' };

/** The platform as a standalone SVG: the entry, a panel per region, replication arrows between neighbouring panels and a legend of every replication. */
export function diagramSvg(t: PlatformTopology): string {
  const width = GAP + t.regions.length * (PANEL_W + GAP);
  const top = 130;
  const rowY = (row: number) => top + 50 + row * (BOX_H + 30);
  const replication = links(t);
  const panelBottom = rowY(4);
  const height = panelBottom + 40 + replication.length * 18 + (replication.length ? 24 : 0);
  const x = (i: number) => GAP + i * (PANEL_W + GAP);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Segoe UI, Helvetica, Arial, sans-serif" font-size="13">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>',
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${GAP}" y="24" font-size="16" font-weight="bold">${esc(`${t.id} (${t.pattern})`)}</text>`,
  ];
  const entryW = 260;
  const entryX = (width - entryW) / 2;
  out.push(`<rect x="${entryX}" y="40" width="${entryW}" height="44" rx="8" fill="#fff7d6" stroke="#b08900"/>`, `<text x="${width / 2}" y="67" text-anchor="middle" font-weight="bold">${esc(entryLabel(t))}</text>`);
  t.regions.forEach((r, i) => {
    out.push(`<rect x="${x(i)}" y="${top}" width="${PANEL_W}" height="${panelBottom - top}" rx="10" fill="#fafafa" stroke="${r.role === 'passive' ? '#999' : '#333'}" stroke-dasharray="${r.role === 'passive' ? '6 4' : 'none'}"/>`);
    out.push(`<text x="${x(i) + 12}" y="${top + 24}" font-weight="bold">${esc(`${r.name} (${r.role})`)}</text>`, `<text x="${x(i) + PANEL_W - 12}" y="${top + 24}" text-anchor="end" fill="#555">${r.zonal ? 'zones 1-3' : 'no zones'}</text>`);
    for (const b of boxes(t, r)) {
      const y = rowY(ROW[b.key]);
      out.push(`<rect x="${x(i) + 15}" y="${y}" width="${PANEL_W - 30}" height="${BOX_H}" rx="6" fill="${FILL[b.key]}" stroke="#777"/>`);
      out.push(`<text x="${x(i) + PANEL_W / 2}" y="${y + 22}" text-anchor="middle" font-weight="bold">${esc(b.label)}</text>`, `<text x="${x(i) + PANEL_W / 2}" y="${y + 42}" text-anchor="middle" fill="#333">${esc(b.detail)}</text>`);
    }
    if (t.entry.kind !== 'none') out.push(`<line x1="${width / 2}" y1="84" x2="${x(i) + PANEL_W / 2}" y2="${top}" stroke="#555" marker-end="url(#arrow)"/>`);
  });
  const index = new Map(t.regions.map((r, i) => [r.name, i]));
  // Arrows between neighbouring panels only (a longer one would cross a panel); the legend lists every replication.
  replication.forEach((l) => {
    const [a, b] = [index.get(l.from), index.get(l.to)];
    if (a === undefined || b === undefined || Math.abs(a - b) !== 1) return;
    const y = rowY(ROW[l.key]) + BOX_H / 2 + (a < b ? -6 : 6);
    const [x1, x2] = a < b ? [x(a) + PANEL_W - 15, x(b) + 15] : [x(a) + 15, x(b) + PANEL_W - 15];
    out.push(`<line x1="${x1}" y1="${y}" x2="${x2}" y2="${y}" stroke="#555" stroke-dasharray="5 3" marker-end="url(#arrow)"><title>${esc(`${l.from} to ${l.to}: ${l.label}`)}</title></line>`);
  });
  if (replication.length) out.push(`<text x="${GAP}" y="${panelBottom + 30}" font-weight="bold">Replication</text>`);
  const what: { readonly [k in 'db' | 'cosmos' | 'bus']: string } = { db: 'Order database', cosmos: 'Cosmos DB', bus: t.events?.transport === 'eventGrid' ? 'Event Grid' : 'Service Bus' };
  replication.forEach((l, n) => out.push(`<text x="${GAP}" y="${panelBottom + 50 + n * 18}" fill="#333">${esc(`${l.from} → ${l.to}: ${what[l.key]}, ${l.label}`)}</text>`));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
