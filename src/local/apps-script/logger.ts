/**
 * Logger and console (guides/logging). Both write to `rt.logs` with the emulated
 * time. `Logger.getLog()` returns only Logger lines since the last `Logger.clear()`.
 */

import { formatWithOptions } from 'node:util';
import { isDate } from './realm';
import type { LogLine, Runtime } from './runtime';
import { strict } from './strict';

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined || typeof v !== 'object') return String(v);
  if (isDate(v)) return String(v);
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

class LoggerImpl implements Pick<GoogleAppsScript.Base.Logger, 'clear' | 'getLog'> {
  private lines: string[] = [];

  constructor(private readonly rt: Runtime) {}

  /** `log(data)` or `log(format, ...values)` with `%s` placeholders filled in order. */
  log(format: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    this.rt.call('Logger.log');
    let message = show(format);
    if (values.length > 0) {
      let i = 0;
      message = message.replace(/%s/g, (m) => (i < values.length ? show(values[i++]) : m));
    }
    this.lines.push(message);
    this.rt.logs.push({ at: this.rt.now(), level: 'info', message });
    return strict(this, 'Logger') as unknown as GoogleAppsScript.Base.Logger;
  }

  getLog(): string {
    this.rt.call('Logger.getLog');
    return this.lines.map((l) => `${l}\n`).join('');
  }

  clear(): void {
    this.rt.call('Logger.clear');
    this.lines = [];
  }
}

export function createLogger(rt: Runtime): GoogleAppsScript.Base.Logger {
  return strict(new LoggerImpl(rt), 'Logger') as unknown as GoogleAppsScript.Base.Logger;
}

class ConsoleImpl {
  private timers = new Map<string, number>();

  constructor(private readonly rt: Runtime) {}

  private write(level: LogLine['level'], args: unknown[]): void {
    this.rt.call(`console.${level}`);
    const message = formatWithOptions({ colors: false, depth: 4 }, ...args);
    this.rt.logs.push({ at: this.rt.now(), level, message });
  }

  log(...args: unknown[]): void {
    this.write('log', args);
  }
  info(...args: unknown[]): void {
    this.write('info', args);
  }
  warn(...args: unknown[]): void {
    this.write('warn', args);
  }
  error(...args: unknown[]): void {
    this.write('error', args);
  }
  time(label = 'default'): void {
    this.rt.call('console.time');
    this.timers.set(String(label), this.rt.now());
  }
  timeEnd(label = 'default'): void {
    const start = this.timers.get(String(label));
    this.timers.delete(String(label));
    this.write('info', [`${String(label)}: ${start === undefined ? 0 : this.rt.now() - start}ms`]);
  }
}

/** The Apps Script `console` (only for a vm context or another non-Node target). */
export function createConsole(rt: Runtime): Console {
  return strict(new ConsoleImpl(rt), 'console') as unknown as Console;
}
