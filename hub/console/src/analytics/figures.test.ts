// Every report's chart and its table come from one builder: these tests hold the
// numbers a chart draws against the numbers its table writes.
import { describe, expect, it } from 'vitest';
import { cellText, type FigureFormat, type FigureTable } from '../charts/figure.ts';
import { createConsoleI18n } from '../i18n/index.ts';
import { formatNumber } from '../i18n/format.ts';
import { bucketLabel, dwellFigure, meanText } from './dwell-figure.ts';
import { funnelFigure } from './funnel-figure.ts';
import { flaggedSentence, gamesFigure } from './games-figure.ts';
import { heatmapFigure } from './heatmap-figure.ts';
import { shareFigure } from './inputs-figure.ts';
import { packsFigure, pickPair } from './packs-figure.ts';
import { barcodeText, scansFigure } from './scans-figure.ts';
import { FAIR, FLAGGED, FUNNEL, PACKS, packRow } from '../test-support/analytics-fixtures.ts';
import { svgTexts } from '../test-support/svg-texts.ts';

function formatFor(locale: 'zh-CN' | 'en'): FigureFormat {
  const i18n = createConsoleI18n(locale).global;
  return { num: (v, d) => formatNumber(v, locale, d), t: (key, named) => i18n.t(key, named ?? {}) };
}
const en = formatFor('en');
const zh = formatFor('zh-CN');

const texts = (table: FigureTable, format: FigureFormat = en) => table.rows.map((row) => row.map((cell, i) => cellText(cell, table.columns[i]!, format)));
type Series = { type: string; name?: string; data: unknown[] };
const seriesOf = (option: unknown) => (option as { series: Series[] }).series;
const valuesOf = (data: unknown[]) => data.map((d) => (d !== null && typeof d === 'object' && 'value' in d ? (d as { value: unknown }).value : d));

describe('the funnel figure', () => {
  it('draws each step’s sessions and writes the same numbers with the conversion in percent', () => {
    const figure = funnelFigure(FUNNEL, en);
    expect(texts(figure.table)).toEqual([
      ['Sessions', '1,000', '—', '100.0%'],
      ['Reached home', '800', '80.0%', '80.0%'],
      ['Engaged (scan, play or offers)', '600', '75.0%', '60.0%'],
      ['of which: scanned a product', '300', '37.5%', '30.0%'],
      ['of which: played a game', '400', '50.0%', '40.0%'],
      ['of which: opened the offers', '100', '12.5%', '10.0%'],
      ['Finished a game', '350', '58.3%', '35.0%'],
      ['Got a coupon', '120', '34.3%', '12.0%'],
      ['Redeemed it at the till', '30', '25.0%', '3.0%'],
    ]);
    expect(valuesOf(seriesOf(figure.option)[0]!.data)).toEqual(figure.table.rows.map((r) => r[1]));
    expect((figure.option.yAxis as { data: string[] }).data).toEqual(figure.table.rows.map((r) => r[0]));
    expect(figure.text).toContain('%');
  });

  it('is empty without sessions, and speaks Chinese', () => {
    const none = { ...FUNNEL, sessions: 0, home: 0, engaged: 0, scan: 0, play: 0, offers: 0, gameFinished: 0, couponIssued: 0, couponRedeemed: 0 };
    expect(funnelFigure(none, en).empty).toBe(true);
    expect(texts(funnelFigure(FUNNEL, zh).table, zh)[1]).toEqual(['到达首页', '800', '80.0%', '80.0%']);
  });
});

describe('the weekday × hour heat map', () => {
  it('puts Monday first, draws all 168 cells and writes them as a 7 × 24 table with totals', () => {
    const figure = heatmapFigure(
      [
        { weekday: 0, hour: 10, sessions: 12 },
        { weekday: 0, hour: 10, sessions: 3 },
        { weekday: 6, hour: 21, sessions: 4 },
      ],
      en,
    );
    const rows = texts(figure.table);
    expect(rows.map((r) => r[0])).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(figure.table.columns.map((c) => c.label).slice(1, 4)).toEqual(['00', '01', '02']);
    expect(rows[0]![1 + 10]).toBe('15');
    expect(rows[0]![25]).toBe('15');
    expect(rows[6]![1 + 21]).toBe('4');
    const data = seriesOf(figure.option)[0]!.data as [number, number, number][];
    expect(data).toHaveLength(168);
    for (const [hour, day, sessions] of data) expect(figure.table.rows[day]![1 + hour]).toBe(sessions);
    expect(texts(heatmapFigure([], zh).table, zh)[0]![0]).toBe('周一');
  });
});

describe('the dwell-time buckets', () => {
  it('are labelled as a person says them, in both languages', () => {
    const limits = [10_000, 30_000, 60_000, 120_000, 300_000, 600_000, null];
    const labels = (format: FigureFormat) => limits.map((upper, i) => bucketLabel(i === 0 ? 0 : limits[i - 1]!, upper, format.t));
    expect(labels(en)).toEqual(['< 10 s', '10–30 s', '30 s–1 min', '1–2 min', '2–5 min', '5–10 min', '> 10 min']);
    expect(labels(zh)).toEqual(['< 10 秒', '10–30 秒', '30 秒–1 分钟', '1–2 分钟', '2–5 分钟', '5–10 分钟', '> 10 分钟']);
  });

  it('fill a bucket the hub left out with 0, and draw what the table writes', () => {
    const figure = dwellFigure(
      [
        { upToMs: null, sessions: 5 },
        { upToMs: 10_000, sessions: 50 },
        { upToMs: 30_000, sessions: 45 },
      ],
      en,
    );
    expect(texts(figure.table)).toEqual([
      ['< 10 s', '50', '50.0%'],
      ['10–30 s', '45', '45.0%'],
      ['30 s–1 min', '0', '0.0%'],
      ['1–2 min', '0', '0.0%'],
      ['2–5 min', '0', '0.0%'],
      ['5–10 min', '0', '0.0%'],
      ['> 10 min', '5', '5.0%'],
    ]);
    expect(seriesOf(figure.option)[0]!.data).toEqual(figure.table.rows.map((r) => r[1]));
    expect(meanText(83_000, en)).toBe('1 min 23 s');
    expect(meanText(9_400, zh)).toBe('9 秒');
  });
});

describe('the pack comparison', () => {
  it('picks the two busiest versions, the older as A, unless two are asked for', () => {
    expect(pickPair(PACKS, [null, null])).toEqual(['spring@2025.04.1', 'spring@2025.05.1']);
    expect(pickPair(PACKS, ['old@1', 'spring@2025.05.1'])).toEqual(['old@1', 'spring@2025.05.1']);
    expect(pickPair(PACKS, ['gone@9', null])).toEqual(['spring@2025.04.1', 'spring@2025.05.1']);
    expect(pickPair(PACKS.slice(0, 1), [null, null])).toBeNull();
  });

  it('shows both side by side with the difference, and charts the same rates', () => {
    const figure = packsFigure(PACKS, ['spring@2025.04.1', 'spring@2025.05.1'], en);
    expect(figure.table.columns.map((c) => c.label)).toEqual(['Figure', 'A: spring@2025.04.1', 'B: spring@2025.05.1', 'Difference (B − A)']);
    expect(texts(figure.table)).toEqual([
      ['Kiosks showing it', '2', '3', '+1'],
      ['Sessions', '400', '500', '+100'],
      ['Engagement rate', '50.0%', '60.0%', '+10.0 pp'],
      ['Games finished per session', '25.0%', '30.0%', '+5.0 pp'],
      ['Coupons issued per session', '10.0%', '12.0%', '+2.0 pp'],
      ['Coupons redeemed per session', '2.5%', '4.0%', '+1.5 pp'],
      ['Mean session length', '80 s', '95 s', '+15 s'],
    ]);
    const [a, b] = seriesOf(figure.option);
    expect(a!.data).toEqual([50, 25, 10, 2.5]);
    expect(b!.data).toEqual([60, 30, 12, 4]);
    expect(texts(packsFigure(PACKS, ['spring@2025.04.1', 'old@1'], zh).table, zh)[2]).toEqual(['互动率', '50.0%', '10.0%', '-40.0 个百分点']);
  });

  it('reads each percentage once on its axis when no session engaged yet', () => {
    const quiet = [packRow('summer@1', 12, 0, 0, 0, 0, null), packRow('summer@2', 9, 0, 0, 0, 0, null)];
    const axis = svgTexts(packsFigure(quiet, ['summer@1', 'summer@2'], en).option).filter((t) => /^\d+%$/.test(t));
    expect(axis).toEqual(['0%', '1%']);
  });
});

describe('scanned products', () => {
  it('writes a GTIN-14 as the shopper’s barcode reads it', () => {
    expect(barcodeText('06901234567892')).toBe('6901234567892');
    expect(barcodeText('16901234567899')).toBe('16901234567899');
    expect(barcodeText('ABC')).toBe('ABC');
  });

  it('lists the most scanned first, drawn and written alike', () => {
    const figure = scansFigure(
      [
        { productId: '04006381333931', scans: 7, kiosks: 1 },
        { productId: '06901234567892', scans: 1250, kiosks: 3 },
      ],
      en,
    );
    expect(texts(figure.table)).toEqual([
      ['6901234567892', '1,250', '3'],
      ['4006381333931', '7', '1'],
    ]);
    expect(valuesOf(seriesOf(figure.option)[0]!.data)).toEqual([1250, 7]);
    expect((figure.option.yAxis as { data: string[] }).data).toEqual(['6901234567892', '4006381333931']);
  });
});

describe('games and prizes', () => {
  it('puts a flagged campaign first, says so in the table and in a sentence', () => {
    const figure = gamesFigure([FAIR, FLAGGED], en);
    const rows = texts(figure.table);
    expect(rows[0]).toEqual(['wheel', 'spring-draw', '500', '450', '90.0%', '420', '76', '18.1%', '13.5%–23.6%', '10.0%', 'Does not match']);
    expect(rows[1]![10]).toBe('Matches');
    expect(figure.table.tones).toEqual(['bad', null]);
    expect(flaggedSentence(FLAGGED, en)).toBe(
      'wheel · spring-draw: the observed win rate 18.1% (420 draws) lies outside the 99 % interval of what the pack configured (10.0%) — prizes are not being given as the pack says. Check the pack’s odds and prize stock.',
    );
    expect(flaggedSentence(FLAGGED, zh)).toContain('观测中奖率 18.1%（420 次抽奖）落在内容包设定（10.0%）的 99% 区间之外');
  });

  it('draws the interval, the observed rate and the odds the table writes', () => {
    const figure = gamesFigure([FLAGGED], en);
    const [base, span, observed, odds] = seriesOf(figure.option);
    expect(base!.data).toEqual([13.5]);
    expect(valuesOf(span!.data)).toEqual([23.6 - 13.5]);
    expect(observed!.data).toEqual([18.1]);
    expect(odds!.data).toEqual([10]);
  });
});

describe('shares of wakes, gestures, scans and cameras', () => {
  it('lists the known kinds in order under their names, then others, with their share', () => {
    const figure = shareFigure({ gesture: 25, touch: 70, voice: 5 }, { order: ['touch', 'gesture', 'scan', 'key'], label: (k) => `analytics.inputs.wake.${k}`, countLabel: 'Sessions' }, en);
    expect(texts(figure.table)).toEqual([
      ['Touch', '70', '70.0%'],
      ['Gesture', '25', '25.0%'],
      ['Scan', '0', '0.0%'],
      ['Key', '0', '0.0%'],
      ['voice', '5', '5.0%'],
    ]);
    expect(valuesOf(seriesOf(figure.option)[0]!.data)).toEqual([70, 25, 0, 0, 5]);
  });
});
