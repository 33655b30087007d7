// GS1 element strings: the data of GS1-128, GS1 DataMatrix and GS1 QR codes, either
// as transmitted (AIs run together, variable-length fields ended by FNC1, sent as the
// GS character) or in the printed human-readable form "(01)09501101530003(17)261231".
import { gs1CheckDigit } from '../../../../content/schema/gtin.ts';
import { aiAt, aiDefinition, type AiDefinition } from './ai-table.ts';
import { parseGs1Date } from './gs1-date.ts';

/** ASCII 29, how scanners and decoders transmit FNC1 between fields. */
export const GS = '\u001d';

export interface Gs1Element {
  ai: string;
  value: string;
}

export type Gs1Problem =
  | 'unknown-ai'
  | 'bad-value'
  | 'bad-check-digit'
  | 'bad-date'
  | 'truncated'
  | 'conflicting-ai'
  | 'empty';

export type ElementParse = { ok: true; elements: Gs1Element[] } | { ok: false; problem: Gs1Problem; ai?: string };

/** Checks one value against its AI's format, check digit and date rules. */
export function checkElement(def: AiDefinition, value: string, now: Date): Gs1Problem | null {
  if (!def.pattern.test(value)) return 'bad-value';
  if (def.checkDigit && gs1CheckDigit(value.slice(0, -1)) !== Number(value.at(-1))) return 'bad-check-digit';
  if (def.date && !parseGs1Date(value.slice(0, 6), def.date === 'yymmdd', now)) return 'bad-date';
  return null;
}

/** Checks AI/value pairs that were already split (e.g. from a Digital Link URI). */
export function checkElements(pairs: readonly (readonly [string, string])[], now: Date): ElementParse {
  const known: [AiDefinition, string][] = [];
  for (const [ai, value] of pairs) {
    const def = aiDefinition(ai);
    if (!def) return { ok: false, problem: 'unknown-ai' };
    known.push([def, value]);
  }
  return collect(known, now);
}

function collect(pairs: readonly [AiDefinition, string][], now: Date): ElementParse {
  if (pairs.length === 0) return { ok: false, problem: 'empty' };
  const seen = new Map<string, string>();
  const elements: Gs1Element[] = [];
  for (const [def, value] of pairs) {
    const problem = checkElement(def, value, now);
    if (problem) return { ok: false, problem, ai: def.ai };
    const before = seen.get(def.ai);
    if (before !== undefined) {
      if (before !== value) return { ok: false, problem: 'conflicting-ai', ai: def.ai };
      continue;
    }
    seen.set(def.ai, value);
    elements.push({ ai: def.ai, value });
  }
  return { ok: true, elements };
}

/** Reads a transmitted element string ("0109501101530003" + "10AB12" + GS + "17261231"). */
export function parseRawElementString(text: string, now: Date): ElementParse {
  let pos = 0;
  while (text[pos] === GS) pos++;
  const pairs: [AiDefinition, string][] = [];
  while (pos < text.length) {
    const def = aiAt(text, pos);
    if (!def) return { ok: false, problem: 'unknown-ai' };
    pos += def.ai.length;
    let value: string;
    if (def.minLength === def.maxLength) {
      value = text.slice(pos, pos + def.maxLength);
      if (value.length < def.maxLength || value.includes(GS)) return { ok: false, problem: 'truncated', ai: def.ai };
      pos += def.maxLength;
      // An FNC1 after a fixed-length field is unnecessary but harmless.
      if (text[pos] === GS) pos++;
    } else {
      const end = text.indexOf(GS, pos);
      value = text.slice(pos, end === -1 ? text.length : end);
      pos = end === -1 ? text.length : end + 1;
    }
    pairs.push([def, value]);
  }
  return collect(pairs, now);
}

const HRI_AI = /\((\d{2,4})\)/y;

/** Reads the human-readable form "(01)09501101530003(10)AB12(17)261231"; spaces between fields are allowed. */
export function parseHriElementString(text: string, now: Date): ElementParse {
  const pairs: [AiDefinition, string][] = [];
  let pos = 0;
  const skipSpaces = () => {
    while (text[pos] === ' ') pos++;
  };
  skipSpaces();
  while (pos < text.length) {
    HRI_AI.lastIndex = pos;
    const m = HRI_AI.exec(text);
    if (!m) return { ok: false, problem: pairs.length === 0 ? 'empty' : 'bad-value' };
    const def = aiDefinition(m[1]!);
    if (!def) return { ok: false, problem: 'unknown-ai' };
    pos = HRI_AI.lastIndex;
    // The value runs to the next "(NN)" that names a known AI.
    let end = pos;
    for (;;) {
      end = text.indexOf('(', end);
      if (end === -1) {
        end = text.length;
        break;
      }
      HRI_AI.lastIndex = end;
      const next = HRI_AI.exec(text);
      if (next && aiDefinition(next[1]!)) break;
      end++;
    }
    pairs.push([def, text.slice(pos, end).trim()]);
    pos = end;
    skipSpaces();
  }
  return collect(pairs, now);
}

/** True when the text looks like the human-readable form: it starts with "(NN)". */
export function looksLikeHri(text: string): boolean {
  return /^\s*\(\d{2,4}\)/.test(text);
}
