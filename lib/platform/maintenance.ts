import { CheckedMaintenanceWindow, checkMaintenanceWindow, MaintenanceWindow, MaintenanceWindowLengths } from '../core/maintenance-window';
import { PatternKind, RegionPlacement, RegionRole } from '../core/pattern';
import { asOptions, checkRegionKeys, Checks, givenOf } from '../core/validate';
import { checkWindowAgainstPeaks, formatUtcOffset, offPeakMaintenanceWindows, PeakWindow, PlacedWindow, zoneOffsets } from '../core/weekly-time';
import type { SqlEngineOptions } from '../database/database-types';
import { offersSqlMaintenanceWindows, sqlMaintenanceHours, sqlMaintenanceSlots } from '../database/sql-compute';
import { POSTGRESQL_WINDOW_LENGTHS } from '../database/postgresql';
import { AKS_WINDOW_LENGTHS } from '../stamp/regional-stamp';
import type { MultiRegionOrderPlatformProps } from './multi-region-order-platform-types';

// Each region's maintenance windows (AKS upgrades and node images, PostgreSQL flexible server): given per region, or by
// default in the region's local night, outside the demand model's peaks and staggered so no two regions (and no region's
// cluster and database) are in maintenance at once. Checked against the peaks and against each other.

/** A region's windows after the plan: the AKS window, and the database window when the platform sets one. */
export interface PlannedMaintenance {
  readonly kubernetes: CheckedMaintenanceWindow;
  readonly database?: CheckedMaintenanceWindow;
}

/**
 * Plans and checks every region's maintenance windows. `peaks` are the demand model's (already checked; empty without
 * one), read in `peakTimeZone` or each region's own zone. Every violation is recorded in `checks`.
 */
export function planMaintenance(checks: Checks, props: MultiRegionOrderPlatformProps, placements: readonly RegionPlacement[], peaks: readonly PeakWindow[], peakTimeZone: string | undefined): { readonly [region: string]: PlannedMaintenance } {
  const given = props.maintenanceWindows ?? {};
  checks.run(undefined, () => checkRegionKeys(checks.scope, 'maintenanceWindows', given, placements.map((p) => p.region.name)));
  const engine = props.database?.engine;
  const postgresql = engine?.name === 'postgresql';
  const engineWindow = postgresql && asOptions<{ maintenanceWindow?: MaintenanceWindow }>(givenOf(engine)).maintenanceWindow !== undefined;
  const single = props.kubernetes?.maintenanceWindow;
  if (single !== undefined && placements.length > 1) {
    checks.fail({ prop: 'kubernetes.maintenanceWindow', value: single, problem: `one window for the ${placements.length} regions: every cluster would upgrade at once, so a region would lose nodes while another takes its load`, fix: 'give each region its own window under maintenanceWindows.<region>.kubernetes, or drop it (the default windows are staggered)' });
  }
  const defaults = offPeakMaintenanceWindows({ regions: placements.map((p) => ({ name: p.region.name, timeZone: p.region.timeZone })), peaks, peakTimeZone, aksHours: AKS_WINDOW_LENGTHS.defaultHours, databaseHours: POSTGRESQL_WINDOW_LENGTHS.defaultHours });
  const plan: Record<string, PlannedMaintenance> = {};
  const placed: PlacedWindow[] = [];
  placements.forEach((placement, i) => {
    const region = placement.region.name;
    const mine = given[region] ?? {};
    if (mine.database !== undefined && !postgresql) {
      checks.fail({ prop: `maintenanceWindows.${region}.database`, value: mine.database, problem: engine ? 'Azure SQL Database takes maintenance in the slots Azure offers, so the window would be ignored' : 'there is no database, so the window would be ignored', fix: 'drop maintenanceWindows.<region>.database' });
    }
    if (mine.database !== undefined && engineWindow) {
      checks.fail({ prop: `maintenanceWindows.${region}.database`, value: mine.database, problem: 'database.engine.maintenanceWindow sets every server\'s window already, and the two would disagree', fix: 'give the windows per region only (drop engine.maintenanceWindow)' });
    }
    const window = (prop: string, w: MaintenanceWindow | undefined, fallback: CheckedMaintenanceWindow | undefined, lengths: MaintenanceWindowLengths): CheckedMaintenanceWindow | undefined => {
      if (w !== undefined) return checkMaintenanceWindow(checks, prop, w, lengths);
      if (fallback === undefined) checks.fail({ prop, value: undefined, problem: `no night of the week in ${region} is outside the peaks and the other regions' windows`, fix: `give ${prop} yourself, or shorten the peaks` });
      return fallback;
    };
    const kubernetes = window(`maintenanceWindows.${region}.kubernetes`, mine.kubernetes ?? single, defaults[i].aks, AKS_WINDOW_LENGTHS);
    const database = postgresql && !engineWindow ? window(`maintenanceWindows.${region}.database`, mine.database, defaults[i].database, POSTGRESQL_WINDOW_LENGTHS) : undefined;
    if (kubernetes) placed.push({ region, timeZone: placement.region.timeZone, prop: mine.kubernetes ? `maintenanceWindows.${region}.kubernetes` : single ? 'kubernetes.maintenanceWindow' : `maintenanceWindows.${region}.kubernetes (default)`, window: kubernetes });
    if (database) placed.push({ region, timeZone: placement.region.timeZone, prop: mine.database ? `maintenanceWindows.${region}.database` : `maintenanceWindows.${region}.database (default)`, window: database });
    plan[region] = { kubernetes: kubernetes ?? defaults[i].aks ?? { dayOfWeek: 'Sunday', startTime: '02:00', durationHours: 4, utcOffset: '+00:00' }, ...(database ? { database } : {}) };
  });
  reportClashes(checks, checkWindowAgainstPeaks(placed, peaks, peakTimeZone));
  if (engine?.name === 'sql' && peaks.length > 0) reportSqlPeakClashes(checks, asOptions<SqlEngineOptions>(givenOf(engine)), placements, props.pattern.kind === PatternKind.ACTIVE_ACTIVE, peaks, peakTimeZone);
  return plan;
}

/**
 * Records an Azure SQL maintenance slot (Azure's fixed night windows, in each region's local time) that falls in a
 * peak: the primaries' slot in the cells' home regions, the geo-secondaries' slot in the other regions (every region
 * holds both under activeActive). Only against the peaks: a SQL reconfiguration lasts seconds within its slot, so the
 * slots may overlap the clusters' windows. A slot is placed at the region's standard-time offset.
 */
function reportSqlPeakClashes(checks: Checks, o: SqlEngineOptions, placements: readonly RegionPlacement[], activeActive: boolean, peaks: readonly PeakWindow[], peakTimeZone: string | undefined): void {
  const skuName = o.skuName ?? 'GP_Gen5_2';
  const { primary: primarySlot, secondary: secondarySlot } = sqlMaintenanceSlots(o.maintenance, o.secondaryMaintenance);
  const placed: PlacedWindow[] = [];
  for (const placement of placements) {
    const region = placement.region.name;
    const home = placement.role !== RegionRole.SECONDARY && placement.role !== RegionRole.PASSIVE;
    const copy = !home || (activeActive && placements.length > 1);
    const slots = [...(home ? [['maintenance', primarySlot] as const] : []), ...(copy ? [['secondaryMaintenance', secondarySlot] as const] : [])];
    for (const [key, slot] of slots) {
      if (slot === 'SystemDefault' || !offersSqlMaintenanceWindows(region, skuName)) continue;
      const hours = sqlMaintenanceHours(slot, region);
      const utcOffset = formatUtcOffset(zoneOffsets(placement.region.timeZone).standard);
      for (const dayOfWeek of hours.days) {
        placed.push({ region, timeZone: placement.region.timeZone, prop: `database.engine.${key}`, window: { dayOfWeek, startTime: hours.startTime, durationHours: hours.durationHours, utcOffset } });
      }
    }
  }
  const seen = new Set<string>();
  for (const f of checkWindowAgainstPeaks(placed, peaks, peakTimeZone)) {
    if (f.kind !== 'peak' || seen.has(f.window.prop + f.window.region)) continue;
    seen.add(f.window.prop + f.window.region);
    const slot = f.window.prop.endsWith('secondaryMaintenance') ? secondarySlot : primarySlot;
    checks.fail({
      prop: f.window.prop, value: slot,
      problem: `Azure SQL's ${slot} slot (${f.window.window.startTime} for ${f.window.window.durationHours} hours, ${f.window.region} local time) falls in peak ${f.peakIndex + 1} (${f.peak.days.join(', ')} ${f.peak.startTime}-${f.peak.endTime}) from ${f.at}`,
      fix: `choose the other night slot for ${f.window.prop.split('.').pop()}, or move the peak`,
    });
  }
}

/** Records each window inside a peak, and each pair of windows that overlap, at the prop of the window given. */
function reportClashes(checks: Checks, findings: ReturnType<typeof checkWindowAgainstPeaks>): void {
  const propOf = (w: PlacedWindow) => w.prop.replace(/ \(default\)$/, '');
  for (const f of findings) {
    if (f.kind === 'peak') {
      checks.fail({
        prop: propOf(f.window), value: f.window.window,
        problem: `inside peak ${f.peakIndex + 1} (${f.peak.days.join(', ')} ${f.peak.startTime}-${f.peak.endTime} ${f.peakTimeZone}) from ${f.at}${f.season === 'all year' ? '' : ` during ${f.season}`}: upgrades would drain nodes or restart servers while the load is highest`,
        fix: 'move the window to off-peak hours, or drop it (the default is off-peak)',
      });
    } else if (f.window.prop !== f.other.prop) {
      // One `kubernetes.maintenanceWindow` for several regions overlaps itself: reported once, as that, above.
      const where = f.window.region === f.other.region ? `${f.window.region}'s cluster and database` : `${f.window.region} and ${f.other.region}`;
      checks.fail({
        prop: propOf(f.window.prop.endsWith('(default)') ? f.other : f.window), value: f.window.window,
        problem: `${f.window.prop} and ${f.other.prop} overlap from ${f.at}: ${where} would be in maintenance at once`,
        fix: 'give one of them another day or hour (the defaults are staggered)',
      });
    }
  }
}
