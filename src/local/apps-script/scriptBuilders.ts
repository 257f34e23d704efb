/**
 * Trigger builders and Trigger handles behind ScriptApp.newTrigger (reference/script/trigger-builder,
 * clock-trigger-builder, trigger; reference/script/clock-trigger-builder). Registration enforces the 20-trigger cap.
 */
import { isDate } from './realm';
import { gasError, MIME, type Runtime } from './runtime';
import {
  type ClockSchedule,
  type EventTypeName,
  firstCalendarFiring,
  localDate,
  MAX_TRIGGERS,
  monthWithDay,
  newTriggerUid,
  occurrence,
  randomInt,
  scriptState,
  TOO_MANY_TRIGGERS,
  type TriggerRecord,
  type TriggerSourceName,
} from './scriptTriggers';
import { gasEnum, strict } from './strict';
import { isValidTimeZone } from './utilitiesDate';

export const WeekDay = gasEnum([
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
]);

const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];

type Trigger = GoogleAppsScript.Script.Trigger;

export class TriggerImpl {
  constructor(
    private readonly rt: Runtime,
    readonly record: TriggerRecord,
  ) {}
  getHandlerFunction(): string {
    this.rt.call('Trigger.getHandlerFunction');
    return this.record.handler;
  }
  getUniqueId(): string {
    this.rt.call('Trigger.getUniqueId');
    return this.record.uid;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    this.rt.call('Trigger.getTriggerSource');
    return this.record.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  /** The spreadsheet/form/document id; `null` for clock triggers. */
  getTriggerSourceId(): string {
    this.rt.call('Trigger.getTriggerSourceId');
    return this.record.sourceId as string;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    this.rt.call('Trigger.getEventType');
    return this.record.eventType as unknown as GoogleAppsScript.Script.EventType;
  }
}

export function wrapTrigger(rt: Runtime, rec: TriggerRecord): Trigger {
  return strict(new TriggerImpl(rt, rec), 'Trigger') as unknown as Trigger;
}

/** Registers a trigger, enforcing the 20-per-script cap. */
function register(rt: Runtime, rec: Omit<TriggerRecord, 'uid'>): Trigger {
  const s = scriptState(rt);
  if (s.triggers.length >= MAX_TRIGGERS) throw gasError(TOO_MANY_TRIGGERS);
  const full: TriggerRecord = { uid: newTriggerUid(rt), ...rec };
  s.triggers.push(full);
  return wrapTrigger(rt, full);
}

function intArg(name: string, v: unknown, lo: number, hi: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < lo || n > hi) throw gasError(`Invalid argument: ${name}`);
  return n;
}

class ClockTriggerBuilderImpl {
  private minutes?: number;
  private hours?: number;
  private days?: number;
  private weeks?: number;
  private weekDay?: number;
  private monthDay?: number;
  private afterMs?: number;
  private atMs?: number;
  private date?: { y: number; m: number; d: number };
  private hour?: number;
  private minute?: number;
  private tz?: string;

  constructor(
    private readonly rt: Runtime,
    private readonly handler: string,
  ) {}

  private self(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return strict(this, 'ClockTriggerBuilder') as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }

  everyMinutes(n: number) {
    this.rt.call('ClockTriggerBuilder.everyMinutes');
    if (!EVERY_MINUTES.includes(Number(n))) {
      throw gasError(
        'The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.',
      );
    }
    this.minutes = Number(n);
    return this.self();
  }
  /** Allowed values 1, 2, 4, 6, 8, 12 as in the trigger UI (unconfirmed for the API; text too). */
  everyHours(n: number) {
    this.rt.call('ClockTriggerBuilder.everyHours');
    if (!EVERY_HOURS.includes(Number(n))) {
      throw gasError(
        'The value you passed to everyHours was invalid. It must be one of 1, 2, 4, 6, 8 or 12.',
      );
    }
    this.hours = Number(n);
    return this.self();
  }
  everyDays(n: number) {
    this.rt.call('ClockTriggerBuilder.everyDays');
    this.days = intArg('n', n, 1, 365);
    return this.self();
  }
  everyWeeks(n: number) {
    this.rt.call('ClockTriggerBuilder.everyWeeks');
    this.weeks = intArg('n', n, 1, 52);
    return this.self();
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday) {
    this.rt.call('ClockTriggerBuilder.onWeekDay');
    const i = (Object.keys(WeekDay) as string[]).indexOf(String(day));
    if (i < 0) throw gasError('Invalid argument: day');
    this.weekDay = i;
    return this.self();
  }
  onMonthDay(day: number) {
    this.rt.call('ClockTriggerBuilder.onMonthDay');
    this.monthDay = intArg('day', day, 1, 31);
    return this.self();
  }
  atHour(hour: number) {
    this.rt.call('ClockTriggerBuilder.atHour');
    this.hour = intArg('hour', hour, 0, 23);
    return this.self();
  }
  nearMinute(minute: number) {
    this.rt.call('ClockTriggerBuilder.nearMinute');
    this.minute = intArg('minute', minute, 0, 59);
    return this.self();
  }
  /** One-shot, at least `ms` from now. */
  after(durationMilliseconds: number) {
    this.rt.call('ClockTriggerBuilder.after');
    this.afterMs = intArg('durationMilliseconds', durationMilliseconds, 0, Number.MAX_SAFE_INTEGER);
    return this.self();
  }
  at(date: Date) {
    this.rt.call('ClockTriggerBuilder.at');
    if (!isDate(date)) throw gasError('Invalid argument: date');
    this.atMs = date.getTime();
    return this.self();
  }
  atDate(year: number, month: number, day: number) {
    this.rt.call('ClockTriggerBuilder.atDate');
    this.date = {
      y: intArg('year', year, 1970, 9999),
      m: intArg('month', month, 1, 12),
      d: intArg('day', day, 1, 31),
    };
    return this.self();
  }
  inTimezone(timezone: string) {
    this.rt.call('ClockTriggerBuilder.inTimezone');
    if (!isValidTimeZone(String(timezone))) throw gasError('Invalid argument: timezone');
    this.tz = String(timezone);
    return this.self();
  }

  create(): Trigger {
    this.rt.call('ClockTriggerBuilder.create');
    const weekly = this.weeks !== undefined || this.weekDay !== undefined;
    const kinds = [
      this.minutes,
      this.hours,
      this.days,
      weekly || undefined,
      this.monthDay,
      this.afterMs,
      this.atMs,
      this.date,
    ];
    const chosen = kinds.filter((k) => k !== undefined).length;
    if (chosen === 0) {
      throw gasError(
        'Clock trigger has no schedule: call everyMinutes, everyHours, everyDays, everyWeeks, ' +
          'onWeekDay, onMonthDay, after, at or atDate before create().',
      );
    }
    if (chosen > 1) throw gasError('Clock trigger has more than one schedule.');
    const calendar =
      this.days !== undefined || weekly || this.monthDay !== undefined || this.date !== undefined;
    if ((this.hour !== undefined || this.minute !== undefined) && !calendar) {
      throw gasError(
        'atHour and nearMinute only apply to everyDays, everyWeeks, onWeekDay, onMonthDay or atDate.',
      );
    }
    const now = this.rt.now();
    const tz = this.tz ?? this.rt.timeZone;
    const today = localDate(now, tz);
    const base = {
      handler: this.handler,
      source: 'CLOCK' as const,
      sourceId: null,
      eventType: 'CLOCK' as const,
    };
    const every = (kind: ClockSchedule['kind'], n: number, nextAt: number) =>
      register(this.rt, { ...base, clock: { kind, every: n, tz }, nextAt });
    if (this.minutes !== undefined) return every('minutes', this.minutes, now + this.minutes * 60_000);
    if (this.hours !== undefined) return every('hours', this.hours, now + this.hours * 3_600_000);
    if (this.afterMs !== undefined) return every('once', 1, now + this.afterMs);
    if (this.atMs !== undefined) return every('once', 1, this.atMs);

    // Calendar schedules: a slot (minutes after local midnight) drawn once and kept.
    const hour = this.hour ?? (this.date ? 0 : Math.floor(today.minuteOfDay / 60));
    let minute: number;
    if (this.minute !== undefined) minute = this.minute + randomInt(this.rt, -15, 15);
    else if (this.hour !== undefined) minute = randomInt(this.rt, 0, 59);
    else if (this.date) minute = randomInt(this.rt, -15, 15);
    else minute = today.minuteOfDay % 60;
    const minuteOfDay = hour * 60 + minute;
    if (this.date) return every('once', 1, occurrence(tz, this.date, minuteOfDay));
    const first = { y: today.y, m: today.m, d: today.d };
    let schedule: ClockSchedule;
    if (this.days !== undefined) schedule = { kind: 'days', every: this.days, tz, minuteOfDay };
    else if (this.monthDay !== undefined) {
      schedule = { kind: 'monthly', every: 1, tz, minuteOfDay, monthDay: this.monthDay };
      Object.assign(first, monthWithDay(first.y, first.m, this.monthDay));
    } else {
      schedule = { kind: 'weeks', every: this.weeks ?? 1, tz, minuteOfDay };
      const target = this.weekDay ?? today.weekday;
      const shift = (target - today.weekday + 7) % 7;
      const t = new Date(Date.UTC(first.y, first.m - 1, first.d + shift));
      first.y = t.getUTCFullYear();
      first.m = t.getUTCMonth() + 1;
      first.d = t.getUTCDate();
    }
    const nextAt = firstCalendarFiring(schedule, first, now);
    return register(this.rt, { ...base, clock: schedule, nextAt });
  }
}

/** Builder for spreadsheet, form and document triggers. */
class SourceTriggerBuilderImpl {
  private eventType: EventTypeName | null = null;

  constructor(
    private readonly rt: Runtime,
    private readonly handler: string,
    private readonly source: TriggerSourceName,
    private readonly sourceId: string,
    private readonly className: string,
    allowed: EventTypeName[],
  ) {
    const names: Record<EventTypeName, string> = {
      CLOCK: '',
      ON_OPEN: 'onOpen',
      ON_EDIT: 'onEdit',
      ON_FORM_SUBMIT: 'onFormSubmit',
      ON_CHANGE: 'onChange',
    };
    for (const type of allowed) {
      Object.defineProperty(this, names[type], {
        enumerable: false,
        value: () => {
          this.rt.call(`${this.className}.${names[type]}`);
          this.eventType = type;
          return strict(this, this.className);
        },
      });
    }
  }

  create(): Trigger {
    this.rt.call(`${this.className}.create`);
    if (this.eventType === null)
      throw gasError('The trigger has no event type: call onOpen(), onEdit(), … first.');
    const mime = { SPREADSHEETS: MIME.spreadsheet, FORMS: MIME.form, DOCUMENTS: MIME.document, CLOCK: '' }[
      this.source
    ];
    this.rt.getEntry(this.sourceId, mime);
    return register(this.rt, {
      handler: this.handler,
      source: this.source,
      sourceId: this.sourceId,
      eventType: this.eventType,
    });
  }
}

export function keyOf(target: unknown): string {
  if (target && typeof target === 'object' && 'getId' in target) {
    return String((target as { getId(): string }).getId());
  }
  return String(target);
}

export class TriggerBuilderImpl {
  constructor(
    private readonly rt: Runtime,
    private readonly handler: string,
  ) {}
  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.rt.call('TriggerBuilder.timeBased');
    return strict(new ClockTriggerBuilderImpl(this.rt, this.handler), 'ClockTriggerBuilder') as never;
  }
  forSpreadsheet(sheet: unknown): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    this.rt.call('TriggerBuilder.forSpreadsheet');
    const all: EventTypeName[] = ['ON_OPEN', 'ON_EDIT', 'ON_CHANGE', 'ON_FORM_SUBMIT'];
    const b = new SourceTriggerBuilderImpl(
      this.rt,
      this.handler,
      'SPREADSHEETS',
      keyOf(sheet),
      'SpreadsheetTriggerBuilder',
      all,
    );
    return strict(b, 'SpreadsheetTriggerBuilder') as never;
  }
  forForm(form: unknown): GoogleAppsScript.Script.FormTriggerBuilder {
    this.rt.call('TriggerBuilder.forForm');
    const types: EventTypeName[] = ['ON_OPEN', 'ON_FORM_SUBMIT'];
    const b = new SourceTriggerBuilderImpl(
      this.rt,
      this.handler,
      'FORMS',
      keyOf(form),
      'FormTriggerBuilder',
      types,
    );
    return strict(b, 'FormTriggerBuilder') as never;
  }
  forDocument(doc: unknown): GoogleAppsScript.Script.DocumentTriggerBuilder {
    this.rt.call('TriggerBuilder.forDocument');
    const b = new SourceTriggerBuilderImpl(
      this.rt,
      this.handler,
      'DOCUMENTS',
      keyOf(doc),
      'DocumentTriggerBuilder',
      ['ON_OPEN'],
    );
    return strict(b, 'DocumentTriggerBuilder') as never;
  }
}
