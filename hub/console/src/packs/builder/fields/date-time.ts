// The pack format writes times with their offset (2026-12-01T00:00:00+08:00); a
// datetime-local input holds the browser's local time without one.

/** `2026-12-01T00:00:00+08:00` → `2026-12-01T00:00` in this browser's time zone ('' when unreadable). */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** `2026-12-01T00:00` (local) → `2026-12-01T00:00:00+08:00` with this browser's offset then. */
export function fromLocalInput(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  if (Number.isNaN(d.getTime())) return undefined;
  const p = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${local.length === 16 ? `${local}:00` : local}${sign}${p(Math.trunc(offset / 60))}:${p(offset % 60)}`;
}
