// GS1 Digital Link URIs (https://any.domain/optional/prefix/01/09506000134352/10/AB12?17=261231):
// read offline into GS1 elements. The link is never fetched.
import { toGtin14 } from '../../../../content/schema/gtin.ts';
import { aiDefinition } from './ai-table.ts';
import { checkElements, type ElementParse } from './element-string.ts';

/** Primary keys a Digital Link path can start with (the product is AI 01). */
const PRIMARY_KEYS = new Set(['01', '00', '253', '255', '401', '402', '414', '417', '8003', '8004', '8006', '8010', '8013', '8017', '8018']);

/** Short names of GS1 Digital Link 1.0, still printed on older packs. */
const SHORT_NAMES: Record<string, string> = { gtin: '01', cpv: '22', lot: '10', ser: '21', sscc: '00', gln: '414', exp: '17' };

const aiOf = (segment: string): string => SHORT_NAMES[segment.toLowerCase()] ?? segment;

function decode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** True for an http(s) URI; only those can be Digital Links. */
export function looksLikeUri(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

export type DigitalLinkParse = ElementParse | { ok: false; problem: 'not-digital-link' };

export function parseDigitalLink(uri: string, now: Date): DigitalLinkParse {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return { ok: false, problem: 'not-digital-link' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: 'not-digital-link' };
  const segments = url.pathname.split('/').filter((s) => s !== '');
  // The first primary key after which the rest of the path is AI/value pairs; anything before it is the domain's own prefix.
  const start = segments.findIndex(
    (segment, i) =>
      PRIMARY_KEYS.has(aiOf(segment)) &&
      (segments.length - i) % 2 === 0 &&
      segments.slice(i).every((s, j) => j % 2 === 1 || aiDefinition(aiOf(s)) !== undefined),
  );
  if (start === -1) return { ok: false, problem: 'not-digital-link' };

  const pairs: [string, string][] = [];
  for (let i = start; i < segments.length; i += 2) {
    const ai = aiOf(segments[i]!);
    const value = decode(segments[i + 1]!);
    if (value === null) return { ok: false, problem: 'bad-value', ai };
    // A Digital Link may carry a GTIN-8/12/13; the key is always its 14-digit form.
    pairs.push([ai, ai === '01' ? (toGtin14(value) ?? value) : value]);
  }
  for (const [name, raw] of url.searchParams) {
    const ai = aiOf(name);
    // Other query parameters (linkType, a campaign tag) are not GS1 data.
    if (!/^\d{2,4}$/.test(ai) || !aiDefinition(ai)) continue;
    pairs.push([ai, raw]);
  }
  return checkElements(pairs, now);
}
