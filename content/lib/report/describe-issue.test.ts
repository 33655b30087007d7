import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Campaign } from '../../schema/campaign.ts';
import { Branding } from '../../schema/branding.ts';
import { GameConfig } from '../../schema/game-config.ts';
import { Product } from '../../schema/product.ts';
import { checkValue } from './schema-check.ts';
import { fieldPath } from './describe-issue.ts';
import { SCHEMA_MESSAGES } from './schema-messages.ts';

const where = { file: 'data/products.json', record: 3 };

describe('describing schema problems for merchandisers', () => {
  it('has a Chinese and English text for every custom message written in content/schema', () => {
    const dir = fileURLToPath(new URL('../../schema/', import.meta.url));
    const messages = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .flatMap((f) => [...readFileSync(dir + f, 'utf8').matchAll(/message: '((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\'/g, "'")));
    expect(messages.length).toBeGreaterThan(20);
    expect(messages.filter((m) => !SCHEMA_MESSAGES[m])).toEqual([]);
  });

  it('names the field, shows the value and says what the check digit should be', () => {
    const { problems } = checkValue(Product, { gtin: '06901234567890', category: 'fruit', name: { 'zh-CN': '苹果' }, price: 100 }, where);
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p).toMatchObject({ file: 'data/products.json', record: 3, field: 'gtin', severity: 'error' });
    expect(p!.message['zh-CN']).toContain('校验位');
    expect(p!.fix.en).toContain('should be 2');
    expect(p!.fix['zh-CN']).toContain('6901234567892');
  });

  it('says a missing field is missing, in both languages, with what to write', () => {
    const { problems } = checkValue(Product, { gtin: '06901234567892', category: 'fruit', name: { 'zh-CN': '苹果' } }, where);
    expect(problems[0]).toMatchObject({ field: 'price' });
    expect(problems[0]!.message).toEqual({ 'zh-CN': '没有填写', en: 'is missing' });
    expect(problems[0]!.fix).toEqual({ 'zh-CN': '请填写数字', en: 'add a number' });
  });

  it('explains wrong prices, unknown fields and Chinese text left empty', () => {
    const { problems } = checkValue(Product, { gtin: '06901234567892', category: 'fruit', name: { 'zh-CN': ' ' }, price: 12.5, colour: 'red' }, where);
    const byField = Object.fromEntries(problems.map((p) => [p.field, p]));
    expect(byField['name.zh-CN']!.message.en).toBe('the Chinese (zh-CN) text is missing');
    expect(byField.price!.message.en).toBe('the price "12.5" must be a whole number of fen');
    expect(byField.price!.fix).toEqual({ 'zh-CN': '写 1250（¥12.50 = 1250 分）', en: 'write 1250 (¥12.50 is 1250 fen)' });
    expect(byField.colour!.message.en).toContain('unknown field');
  });

  it('lists the allowed kinds when a kind is misspelt', () => {
    const { problems } = checkValue(GameConfig, { id: 'g', kind: 'catcher' }, { file: 'data/games.json', record: 1 });
    expect(problems[0]!.field).toBe('kind');
    expect(problems[0]!.fix.en).toBe('use one of: "catch", "wheel", "scratch"');
  });

  it('counts list positions from 1 in field paths', () => {
    expect(fieldPath(['awards', 0, 'game'])).toBe('awards[1].game');
    const { problems } = checkValue(Campaign, { id: 'c', awards: [{ game: 'Bad Id', odds: 1 }] }, { file: 'data/campaigns.json' });
    expect(problems.map((p) => p.field)).toContain('awards[1].game');
  });

  it('says "12,50" takes a dot, and how a price is written in JSON', () => {
    const { problems } = checkValue(Product, { gtin: '06901234567892', category: 'fruit', name: { 'zh-CN': '苹果' }, price: '12,50' }, where);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toEqual({
      'zh-CN': '价格 "12,50" 用逗号表示小数，而且 JSON 里的价格要写成整数（分）',
      en: 'the price "12,50" uses a comma for the decimals, and prices in JSON are whole numbers (fen)',
    });
    expect(problems[0]!.fix.en).toBe('write 1250 (¥12.50 is 1250 fen), without quotes; decimals take a dot, not a comma');
    const quoted = checkValue(GameConfig, { id: 'g', kind: 'catch', title: { 'zh-CN': '接' }, howTo: { 'zh-CN': '接' }, durationSec: '30,5', goodItems: ['media/a.png'], basket: 'media/b.png' }, { file: 'data/games.json', record: 1 });
    const duration = quoted.problems.find((p) => p.field === 'durationSec');
    expect(duration?.fix.en).toBe('use a dot for the decimals, without quotes: 30.5');
  });

  it('never shows the schema\'s own words: a group of settings names what it holds, a text asks for both languages', () => {
    const branding = { storeName: '我的超市', logo: 'media/logo.png', colours: 'green', currency: 'CNY' };
    const { problems } = checkValue(Branding, branding, { file: 'data/branding.json' });
    const byField = Object.fromEntries(problems.map((p) => [p.field, p]));
    expect(byField.colours!.message.en).toBe('should be a group of settings holding "primary", "accent", "background", "text", found text "green"');
    expect(byField.colours!.message['zh-CN']).toBe('应是一组设置，里面要写 "primary", "accent", "background", "text"，现在是文字 "green"');
    expect(byField.storeName!.fix.en).toBe('write it as {"zh-CN": "我的超市", "en": "English"} (Chinese is required, English is optional)');
    for (const p of problems) expect(JSON.stringify(p)).not.toMatch(/对象|an object|\{ … \}|expected|Invalid/);
  });

  it('quotes a barcode as the file holds it: 13 digits stay 13 digits', () => {
    const { problems } = checkValue(Product, { gtin: '06901234567890', category: 'fruit', name: { 'zh-CN': '苹果' }, price: 100 }, where, { gtin: '6901234567890' });
    expect(problems[0]!.fix['zh-CN']).toContain('（即 6901234567892）');
    expect(JSON.stringify(problems[0])).not.toContain('06901234567');
  });
});
