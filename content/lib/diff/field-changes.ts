// What changed between two versions of one record, as paths a person can read:
// `reward.amount`, `validTo`, `segments`. Objects are compared key by key; lists, texts
// in both languages and plain values are compared whole, as a merchandiser edits them.

import type { FieldChange } from '../../schema/hub-api/console/pack-diff.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Text in both languages ({ "zh-CN", en }) is one field, not two. */
const isLocalizedText = (v: unknown): boolean => isPlainObject(v) && Object.keys(v).every((k) => k === 'zh-CN' || k === 'en') && typeof v['zh-CN'] === 'string';

/** Equal as JSON, whatever the order of object keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => a[k] !== undefined || b[k] !== undefined));
    for (const k of keys) if (!sameValue(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/** The fields that differ, in the order of their keys; `skip` leaves top-level fields out (compared elsewhere). */
export function fieldChanges(before: unknown, after: unknown, options: { prefix?: string; skip?: readonly string[] } = {}): FieldChange[] {
  const out: FieldChange[] = [];
  const walk = (a: unknown, b: unknown, at: string) => {
    if (isPlainObject(a) && isPlainObject(b) && !isLocalizedText(a) && !isLocalizedText(b)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
      for (const key of keys) {
        if (at === (options.prefix ?? '') && options.skip?.includes(key)) continue;
        walk(a[key], b[key], at ? `${at}.${key}` : key);
      }
      return;
    }
    if (!sameValue(a, b)) out.push({ field: at, before: a as Json, after: b as Json });
  };
  walk(before, after, options.prefix ?? '');
  return out;
}
