import { Token } from 'cdktf';
import { checkFormat, Checks, opt, shapes, strictShape } from './validate';

// The weekly maintenance window every resource that has one takes (AKS upgrades, PostgreSQL flexible server), its
// run-time shape and its checks, so that each resource only states which lengths it honours.

/** Days of the week, Monday first (the order `MaintenanceWindow.dayOfWeek` lists them in). */
export const DAYS_OF_WEEK = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/**
 * A weekly maintenance window: the day and local time it opens, its length and the UTC offset of that local time.
 *
 * The same shape serves every resource with a maintenance window (`KubernetesOptions.maintenanceWindow`,
 * `PostgresqlEngineOptions.maintenanceWindow`); each resource says which lengths it honours.
 */
export interface MaintenanceWindow {
  /** Day of the week the window opens (in the time zone of `utcOffset`). @default 'Sunday' */
  readonly dayOfWeek?: 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday';
  /** Local start time, `HH:MM` (24-hour clock). @default '02:00' */
  readonly startTime?: string;
  /**
   * Length in hours: AKS 4-24; PostgreSQL flexible server custom windows last one hour, so 1 only.
   * @default - 4 for AKS, 1 for PostgreSQL
   */
  readonly durationHours?: number;
  /** UTC offset of `dayOfWeek` and `startTime`, `+HH:MM` or `-HH:MM`, from -12:00 to +14:00. @default '+00:00' */
  readonly utcOffset?: string;
}

/** The run-time shape of a {@link MaintenanceWindow}. */
export const MAINTENANCE_WINDOW_SHAPE = strictShape<MaintenanceWindow>({
  dayOfWeek: opt(shapes.oneOf(DAYS_OF_WEEK)), startTime: opt(shapes.string()), durationHours: opt(shapes.number()), utcOffset: opt(shapes.string()),
});

/** The lengths a resource's maintenance window may have. */
export interface MaintenanceWindowLengths {
  /** Shortest window, in hours. */
  readonly minHours: number;
  /** Longest window, in hours (equal to `minHours` when the resource has a fixed length). */
  readonly maxHours: number;
  /** Length when none is given. */
  readonly defaultHours: number;
  /** Where the limits come from, for the error message. */
  readonly why: string;
}

/** A maintenance window after its checks: every field set. */
export type CheckedMaintenanceWindow = Required<MaintenanceWindow>;

const START_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Offsets in use, -12:00 to +14:00 (Baker Island to Kiribati's Line Islands), with minutes (e.g. +05:45). */
const UTC_OFFSET = /^(\+(0\d|1[0-3]):[0-5]\d|\+14:00|-(0\d|1[01]):[0-5]\d|-12:00)$/;

/**
 * Checks a maintenance window (its shape is checked with the props): the day, a 24-hour `HH:MM` start, a length the
 * resource honours and a UTC offset. Every violation is recorded in `checks` under `prop`; the result holds sound
 * values (the defaults where a field failed).
 */
export function checkMaintenanceWindow(checks: Checks, prop: string, window: MaintenanceWindow | undefined, lengths: MaintenanceWindowLengths): CheckedMaintenanceWindow {
  const given = window ?? {};
  const dayOfWeek = checks.oneOf(`${prop}.dayOfWeek`, given.dayOfWeek ?? 'Sunday', DAYS_OF_WEEK, 'Sunday');
  const startTime = checks.run('02:00', () => checkFormat(checks.scope, `${prop}.startTime`, given.startTime ?? '02:00', START_TIME, 'not a 24-hour HH:MM time', "write it like '02:00'"));
  const hours = given.durationHours ?? lengths.defaultHours;
  let durationHours: number;
  if (lengths.minHours === lengths.maxHours && hours !== lengths.minHours && !Token.isUnresolved(hours)) {
    checks.fail({ prop: `${prop}.durationHours`, value: hours, problem: lengths.why, fix: `set durationHours to ${lengths.minHours}, or leave it out` });
    durationHours = lengths.defaultHours;
  } else {
    durationHours = checks.integer(`${prop}.durationHours`, hours, lengths.minHours, lengths.maxHours, lengths.why, lengths.defaultHours);
  }
  const utcOffset = checks.run('+00:00', () => checkFormat(checks.scope, `${prop}.utcOffset`, given.utcOffset ?? '+00:00', UTC_OFFSET, 'not a UTC offset (-12:00 to +14:00)', "write it like '+09:00' or '-05:00'"));
  return { dayOfWeek, startTime, durationHours, utcOffset };
}

/** When a checked window opens in UTC: the day (0 = Sunday ... 6 = Saturday), hour and minute. */
export interface UtcWeeklyStart {
  /** Day of the week in UTC, 0 = Sunday. */
  readonly dayOfWeek: number;
  /** Hour in UTC, 0-23. */
  readonly startHour: number;
  /** Minute, 0-59. */
  readonly startMinute: number;
}

const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/**
 * The UTC start of a checked window: its local start minus the UTC offset, moving to the previous or next day (and
 * across the week's end) when the shift crosses midnight. Monday 01:00 at `+09:00` opens Sunday 16:00 UTC.
 */
export function utcWeeklyStart(window: CheckedMaintenanceWindow): UtcWeeklyStart {
  const sundayFirst = (DAYS_OF_WEEK.indexOf(window.dayOfWeek) + 1) % 7;
  const [hour, minute] = window.startTime.split(':').map(Number);
  const sign = window.utcOffset.startsWith('-') ? -1 : 1;
  const [offsetHours, offsetMinutes] = window.utcOffset.slice(1).split(':').map(Number);
  const local = sundayFirst * MINUTES_PER_DAY + hour * 60 + minute;
  const utc = (((local - sign * (offsetHours * 60 + offsetMinutes)) % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
  return { dayOfWeek: Math.floor(utc / MINUTES_PER_DAY), startHour: Math.floor((utc % MINUTES_PER_DAY) / 60), startMinute: utc % 60 };
}
