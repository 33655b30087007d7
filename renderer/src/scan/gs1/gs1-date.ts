// GS1 dates (YYMMDD): the century from the GS1 sliding window, and day "00" meaning the
// last day of the month (GS1 General Specifications 7.12 and the AI 11–17 rules).

export interface Gs1Date {
  /** The calendar date, e.g. "2026-02-28". */
  iso: string;
  /** The code gave only year and month (day 00): `iso` is that month's last day. */
  endOfMonth: boolean;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The full year for a two-digit GS1 year: within 49 years ahead or 50 behind the
 * current year (YY − current in 51…99 → previous century, in −99…−50 → next century).
 */
export function gs1Year(yy: number, now: Date): number {
  const current = now.getFullYear();
  const century = Math.floor(current / 100) * 100;
  const diff = yy - (current % 100);
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}

/** Reads YYMMDD; null when it is not a real date (month 13, 31 April, day 00 where not allowed). */
export function parseGs1Date(yymmdd: string, allowDay00: boolean, now: Date): Gs1Date | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  const dd = Number(yymmdd.slice(4, 6));
  if (mm < 1 || mm > 12) return null;
  const year = gs1Year(yy, now);
  const last = daysInMonth(year, mm);
  if (dd === 0) {
    if (!allowDay00) return null;
    return { iso: `${pad(year, 4)}-${pad(mm)}-${pad(last)}`, endOfMonth: true };
  }
  if (dd > last) return null;
  return { iso: `${pad(year, 4)}-${pad(mm)}-${pad(dd)}`, endOfMonth: false };
}
