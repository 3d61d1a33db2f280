// When a lock stops binding. A lock without an expiry never expires unless `locks.ttl`
// is configured, in which case it expires ttl after it was taken.
import type { Lock } from '../types.js';

const UNIT_MS: Record<string, number> = { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 7 * 86400e3 };

/** "8h" → milliseconds; undefined for anything else. */
export function parseDuration(text: string | undefined): number | undefined {
  const m = text ? /^(\d+)([smhdw])$/.exec(text.trim()) : null;
  return m ? Number(m[1]) * UNIT_MS[m[2]] : undefined;
}

/** Parses the dates the status file holds ("2026-01-18", "2025-11-08 12:00", ISO with or without zone). */
export function parseStatusDate(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const t = text.trim();
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = m;
  let iso = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  if (!zone || /^(z|utc)$/i.test(zone)) iso += 'Z';
  else iso += zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function lockExpiry(lock: Lock, ttl: string | undefined): Date | undefined {
  const explicit = parseStatusDate(lock.expires);
  if (explicit) {
    // a bare date as expiry means "through that day"
    if (/^\d{4}-\d{2}-\d{2}$/.test(lock.expires!.trim())) return new Date(explicit.getTime() + 86400e3);
    return explicit;
  }
  const ttlMs = parseDuration(ttl);
  const since = parseStatusDate(lock.since);
  return ttlMs && since ? new Date(since.getTime() + ttlMs) : undefined;
}

export function isExpired(lock: Lock, now: Date, ttl: string | undefined): boolean {
  const exp = lockExpiry(lock, ttl);
  return exp !== undefined && exp.getTime() <= now.getTime();
}

/** "2026-11-26T09:00Z": the minute-precision UTC form orch writes. */
export function formatStatusTime(d: Date): string {
  return d.toISOString().slice(0, 16) + 'Z';
}
