import { describe, expect, it } from 'vitest';
import { parseUtf8Json } from './utf8-json.ts';

const guarded = (text: string) => text.includes('__proto__');
/** What the hub read before: the whole body decoded as UTF-8, then parsed. */
const reference = (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as unknown;
const parse = (bytes: Buffer) => parseUtf8Json(bytes, (text) => JSON.parse(text) as unknown, guarded);
const outcome = (read: () => unknown) => {
  try {
    return { value: read() };
  } catch (err) {
    return { error: (err as Error).message };
  }
};
const same = (bytes: Buffer) => expect(outcome(() => parse(bytes))).toEqual(outcome(() => reference(bytes)));

describe('UTF-8 JSON read as a full decode reads it', () => {
  it('reads Chinese, accents and emoji in values and keys, among ASCII', () => {
    const value = { batch: [{ name: '阿克苏苹果', 'café': 'crème brûlée', emoji: '🍎 x 🍏', n: 12.9, list: ['a', '苹', { 键: ['值'] }], t: true, z: null }] };
    const bytes = Buffer.from(JSON.stringify(value), 'utf8');
    expect(parse(bytes)).toEqual(value);
    same(bytes);
    // Key order kept where a key is decoded.
    expect(Object.keys((parse(Buffer.from('{"b":1,"ä":2,"a":3}')) as object))).toEqual(['b', 'ä', 'a']);
  });

  it('reads escapes as JSON does: ASCII ones beside raw UTF-8, and any other through a full decode', () => {
    for (const text of ['{"a":"\\u0041\\n\\t苹果","b":"\\u007f"}', '{"a":"\\u00e9 and é"}', '{"a":"\\u00E9"}', '{"a":"\\u4e2d 中"}', '{"a":"\\ud83c\\udf4e 🍎"}', '{"a":"\\ud800"}', '{"a":"\\\\u00e9 é"}']) {
      same(Buffer.from(text, 'utf8'));
    }
    expect(parse(Buffer.from('{"a":"\\u00e9 é"}', 'utf8'))).toEqual({ a: 'é é' });
  });

  it('reads broken UTF-8 with the replacement characters a full decode gives', () => {
    const pieces = [[0xe8, 0x8b], [0xff], [0xc3], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x8d], [0xc0, 0xaf], [0x80, 0x80], [0xe8, 0x8b, 0xb9]];
    for (const piece of pieces) {
      for (const [before, after] of [['{"a":"', '"}'], ['{"', '":1}'], ['["x', 'y"]']]) same(Buffer.concat([Buffer.from(before!), Buffer.from(piece), Buffer.from(after!)]));
    }
    // Keys that decode alike: the first one's place, the last one's value, as JSON.parse.
    const twins = Buffer.concat([Buffer.from('{"'), Buffer.from([0xff]), Buffer.from('":1,"b":2,"'), Buffer.from([0xfe]), Buffer.from('":3}')]);
    same(twins);
    expect(Object.entries(parse(twins) as object)).toEqual([['\ufffd', 3], ['b', 2]]);
  });

  it('gives the plain path\'s error for text that is not JSON, a stray byte outside a string included', () => {
    for (const bytes of [Buffer.from('{"a":"苹果",}'), Buffer.from([0x7b, 0xa0, 0x7d]), Buffer.from('\ufeff{"a":"苹"}'), Buffer.from('{"a":"苹')]) {
      const got = outcome(() => parse(bytes));
      expect(got).toHaveProperty('error');
      expect(got).toEqual(outcome(() => reference(bytes)));
    }
  });

  it('leaves text that needs the guarded parser to it', () => {
    const seen: string[] = [];
    const text = '{"__proto__":{"x":1},"name":"苹果"}';
    parseUtf8Json(Buffer.from(text), (t) => seen.push(t), guarded);
    expect(seen).toEqual([text]);
  });

  it('agrees with a full decode on random strings of bytes', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const alphabet = [...Buffer.from('a"\\/ 中é🍎'), 0x80, 0xbf, 0xc2, 0xe4, 0xf0, 0xff];
    for (let n = 0; n < 2_000; n++) {
      const inner = Buffer.from(Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => alphabet[Math.floor(rnd() * alphabet.length)]!));
      same(Buffer.concat([Buffer.from('{"k":["'), inner, Buffer.from('"],"'), inner, Buffer.from('":0}')]));
    }
  });
});
