// Dates people write: 2026-01-18, 2025-11-08 12:00, 2026-11-26T09:00Z, 2026-11-26T09:00:00+02:00,
// 2026/01/18 09:00 UTC. Seconds and fractions are dropped: lock times are minute-grained.
const DATE =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?|[A-Z]{3,4})?$/i;

// Zone abbreviations with one meaning (CST and IST have several, so they stay unparsed).
const ZONES: Record<string, number> = {
  Z: 0,
  UTC: 0,
  GMT: 0,
  KST: 540,
  JST: 540,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  WET: 0,
  WEST: 60,
  PST: -480,
  PDT: -420,
  MST: -420,
  MDT: -360,
  EST: -300,
  EDT: -240,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
};

const pad = (n: number) => (n < 10 ? '0' : '') + n;

/** `YYYY-MM-DDTHH:MMZ` in UTC (a time without zone is taken as UTC), or null when not a date. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  if (isCanonical(t)) return t;
  if (t.length > 40) return null;
  const m = DATE.exec(t);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = m;
  const year = +y;
  const month = +mo;
  const day = +d;
  const hour = +h;
  const minute = +mi;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || +s > 60) return null;
  if (day > daysIn(year, month)) return null;
  let offset = 0;
  if (zone && /^[a-z]/i.test(zone)) {
    const z = ZONES[zone.toUpperCase()];
    if (z === undefined) return null;
    offset = z;
  } else if (zone && (zone[0] === '+' || zone[0] === '-')) {
    const digits = zone.slice(1).replace(':', '');
    const oh = +digits.slice(0, 2);
    const om = digits.length > 2 ? +digits.slice(2, 4) : 0;
    if (oh > 23 || om > 59) return null;
    offset = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  if (offset === 0) return `${y.padStart(4, '0')}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}Z`;
  const u = new Date(Date.UTC(year, month - 1, day, hour, minute) - offset * 60_000);
  const yy = u.getUTCFullYear();
  if (Number.isNaN(yy) || yy < 0 || yy > 9999) return null;
  return `${String(yy).padStart(4, '0')}-${pad(u.getUTCMonth() + 1)}-${pad(u.getUTCDate())}T${pad(u.getUTCHours())}:${pad(u.getUTCMinutes())}Z`;
}

/** Already `YYYY-MM-DDTHH:MMZ` and valid: the form orch writes, so the common case. */
function isCanonical(t: string): boolean {
  if (
    t.length !== 17 ||
    t.charCodeAt(4) !== 45 ||
    t.charCodeAt(7) !== 45 ||
    t.charCodeAt(10) !== 84 ||
    t.charCodeAt(13) !== 58 ||
    t.charCodeAt(16) !== 90
  ) {
    return false;
  }
  const year = num(t, 0, 4);
  const month = num(t, 5, 7);
  const day = num(t, 8, 10);
  const hour = num(t, 11, 13);
  const minute = num(t, 14, 16);
  return (
    year >= 0 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59
  );
}

/** The decimal number in t[from, to), or -1 when a character is not a digit. */
function num(t: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = t.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The normalised form when the text is a date, else the text as written (trimmed, no backticks or emphasis). */
export function normalizeDate(text: string): string {
  let t = text.trim();
  if (/^[`*_]|[`*_]$/.test(t)) t = t.replace(/^[`*_]+|[`*_]+$/g, '').trim();
  const c = t.charCodeAt(0);
  return c >= 48 && c <= 57 ? (parseDate(t) ?? t) : t;
}
