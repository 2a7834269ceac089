import { RootConstruct } from 'constructs';
import { Token } from 'cdktf';
import { ValidationError } from '../../lib/core/errors';
import { CheckedMaintenanceWindow, checkMaintenanceWindow, MaintenanceWindow, utcWeeklyStart } from '../../lib/core/maintenance-window';
import { Checks } from '../../lib/core/validate';

/** Unit tests of the maintenance window (lib/core/maintenance-window.ts): its checks and its conversion to a UTC start. */
const scope = new RootConstruct('window');
const AKS = { minHours: 4, maxHours: 24, defaultHours: 4, why: 'AKS planned maintenance windows last 4-24 hours' };
const ONE_HOUR = { minHours: 1, maxHours: 1, defaultHours: 1, why: 'custom windows last one hour' };

function check(window: MaintenanceWindow | undefined, lengths = AKS): { checked: CheckedMaintenanceWindow; errors: readonly ValidationError[] } {
  const checks = new Checks(scope);
  const checked = checkMaintenanceWindow(checks, 'maintenanceWindow', window, lengths);
  try {
    checks.throwIfAny();
    return { checked, errors: [] };
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return { checked, errors: (e as ValidationError).violations };
  }
}

const window = (dayOfWeek: MaintenanceWindow['dayOfWeek'], startTime: string, utcOffset: string): CheckedMaintenanceWindow => ({ dayOfWeek: dayOfWeek!, startTime, utcOffset, durationHours: 1 });

describe('checkMaintenanceWindow', () => {
  test('no window: Sunday 02:00 UTC with the resource\'s default length', () => {
    expect(check(undefined)).toEqual({ checked: { dayOfWeek: 'Sunday', startTime: '02:00', durationHours: 4, utcOffset: '+00:00' }, errors: [] });
    expect(check({}, ONE_HOUR).checked).toEqual({ dayOfWeek: 'Sunday', startTime: '02:00', durationHours: 1, utcOffset: '+00:00' });
  });

  test('a full window is kept as given', () => {
    const given = { dayOfWeek: 'Saturday', startTime: '22:30', durationHours: 6, utcOffset: '-05:00' } as const;
    expect(check(given)).toEqual({ checked: given, errors: [] });
  });

  test('every bad field is reported under its prop, and the defaults stand in for it', () => {
    const { checked, errors } = check({ dayOfWeek: 'Sun' as never, startTime: '2am', durationHours: 2, utcOffset: '+9' });
    expect(errors.map((e) => e.prop)).toEqual(['maintenanceWindow.dayOfWeek', 'maintenanceWindow.startTime', 'maintenanceWindow.durationHours', 'maintenanceWindow.utcOffset']);
    expect(checked).toEqual({ dayOfWeek: 'Sunday', startTime: '02:00', durationHours: 4, utcOffset: '+00:00' });
  });

  test('a fixed length: any other length says why, and how to fix it', () => {
    const { errors } = check({ durationHours: 4 }, ONE_HOUR);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe('window: invalid maintenanceWindow.durationHours 4: custom windows last one hour. Fix: set durationHours to 1, or leave it out');
    expect(check({ durationHours: 1 }, ONE_HOUR).errors).toEqual([]);
  });

  test('a length from Terraform (a token) is rejected: the window is computed at synth time', () => {
    const { errors } = check({ durationHours: Token.asNumber('${var.hours}') }, ONE_HOUR);
    expect(errors).toHaveLength(1);
    expect(errors[0].problem).toContain('a Terraform token is unknown until apply');
  });
});

describe('utcWeeklyStart', () => {
  test.each<[string, CheckedMaintenanceWindow, { dayOfWeek: number; startHour: number; startMinute: number }]>([
    ['UTC stays as it is (0 = Sunday)', window('Sunday', '02:00', '+00:00'), { dayOfWeek: 0, startHour: 2, startMinute: 0 }],
    ['east of UTC, the same day', window('Wednesday', '12:45', '+02:00'), { dayOfWeek: 3, startHour: 10, startMinute: 45 }],
    ['east of UTC, back to the day before', window('Monday', '01:00', '+09:00'), { dayOfWeek: 0, startHour: 16, startMinute: 0 }],
    ['east of UTC, from Sunday back to Saturday (across the week\'s start)', window('Sunday', '03:00', '+05:30'), { dayOfWeek: 6, startHour: 21, startMinute: 30 }],
    ['west of UTC, on to the next day', window('Saturday', '22:30', '-05:00'), { dayOfWeek: 0, startHour: 3, startMinute: 30 }],
    ['west of UTC, the same day', window('Friday', '08:15', '-03:30'), { dayOfWeek: 5, startHour: 11, startMinute: 45 }],
    ['the largest offsets', window('Tuesday', '00:00', '+14:00'), { dayOfWeek: 1, startHour: 10, startMinute: 0 }],
    ['midnight exactly after the shift', window('Thursday', '20:00', '-04:00'), { dayOfWeek: 5, startHour: 0, startMinute: 0 }],
  ])('%s', (_label, checked, expected) => {
    expect(utcWeeklyStart(checked)).toEqual(expected);
  });
});
