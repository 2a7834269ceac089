import { RootConstruct } from 'constructs';
import { Token } from 'cdktf';
import { ValidationError } from '../../lib/core/errors';
import { CheckedMaintenanceWindow, checkMaintenanceWindow, MAINTENANCE_WINDOW_SHAPE, MaintenanceWindow, utcWeeklyStart } from '../../lib/core/maintenance-window';
import { checkShape, Checks } from '../../lib/core/validate';

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

  test('start times: 00:00 to 23:59 pass; anything around or beyond HH:MM is refused with the format and an example', () => {
    for (const startTime of ['00:00', '09:05', '19:59', '23:59']) expect(check({ startTime }).checked.startTime).toBe(startTime);
    for (const startTime of ['24:00', '12:60', '2:00', '102:00', '02:000', ' 02:00', '02:00 ']) {
      const { checked, errors } = check({ startTime });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ prop: 'maintenanceWindow.startTime', value: startTime, problem: 'not a 24-hour HH:MM time', fix: "write it like '02:00'" });
      expect(checked.startTime).toBe('02:00');
    }
  });

  test('UTC offsets from -12:00 to +14:00 pass; a missing sign, an offset outside that range or text around it are refused', () => {
    for (const utcOffset of ['+00:00', '-00:30', '+05:45', '-09:00', '+10:00', '+13:59', '-11:59', '-12:00', '+14:00']) expect(check({ utcOffset }).checked.utcOffset).toBe(utcOffset);
    for (const utcOffset of ['09:00', '+9:00', '+14:01', '+14:59', '-12:01', '-12:30', '-13:00', '+15:00', '-19:00', '+24:00', 'UTC+09:00', '+09:000', '+09:60']) {
      const { checked, errors } = check({ utcOffset });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ prop: 'maintenanceWindow.utcOffset', value: utcOffset, problem: 'not a UTC offset (-12:00 to +14:00)', fix: "write it like '+09:00' or '-05:00'" });
      expect(checked.utcOffset).toBe('+00:00');
    }
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

describe('MAINTENANCE_WINDOW_SHAPE', () => {
  function shapeErrors(value: unknown): { prop: string; problem: string }[] {
    try {
      checkShape(scope, 'maintenanceWindow', value, MAINTENANCE_WINDOW_SHAPE);
      return [];
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).violations.map(({ prop, problem }) => ({ prop, problem }));
    }
  }

  test('a full window and an empty one pass', () => {
    expect(shapeErrors({ dayOfWeek: 'Monday', startTime: '01:00', durationHours: 4, utcOffset: '+09:00' })).toEqual([]);
    expect(shapeErrors({})).toEqual([]);
  });

  test('each field has its type; an unknown key is named with the closest known one', () => {
    expect(shapeErrors({ dayOfWeek: 'Funday', startTime: 200, durationHours: '4', utcOffset: null, startTim: '02:00' })).toEqual([
      { prop: 'maintenanceWindow.dayOfWeek', problem: "expected one of 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', got the string \"Funday\"" },
      { prop: 'maintenanceWindow.startTime', problem: 'expected a string, got the number 200' },
      { prop: 'maintenanceWindow.durationHours', problem: 'expected a number, got the string "4"' },
      { prop: 'maintenanceWindow.utcOffset', problem: 'expected a string, got null' },
      { prop: 'maintenanceWindow.startTim', problem: "unknown option 'startTim', which would be ignored" },
    ]);
  });
});
