// Outbox numbers in words a person reads on the admin screen.

export type AgeUnit = 'seconds' | 'minutes' | 'hours' | 'days';

/** The largest unit that keeps the number at 1 or more (an age under a second is 0 seconds). */
export function ageParts(ms: number): { unit: AgeUnit; n: number } {
  const s = Math.floor(Math.max(0, ms) / 1000);
  if (s < 60) return { unit: 'seconds', n: s };
  if (s < 3600) return { unit: 'minutes', n: Math.floor(s / 60) };
  if (s < 86_400) return { unit: 'hours', n: Math.floor(s / 3600) };
  return { unit: 'days', n: Math.floor(s / 86_400) };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
