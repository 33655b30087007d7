import { describe, expect, it } from 'vitest';
import { buildChartOption } from './chart-option.ts';
import { CHART_FONT, fontsReadyFor } from './chart-font.ts';

describe('the chart font wait', () => {
  it('asks for Noto Sans SC with every character the chart draws, and draws in it', async () => {
    const asked: Array<[string, string]> = [];
    const fonts = { load: (font: string, text: string) => (asked.push([font, text]), Promise.resolve([])) } as unknown as FontFaceSet;
    const { option, text } = buildChartOption(
      { kind: 'line', name: '待发事件数', digits: 0, points: [{ at: 0, value: 7 }] },
      { time: () => '5月3日 08:00', value: (v) => String(v) },
    );
    await fontsReadyFor(text, fonts);
    expect(asked[0]![0]).toBe(CHART_FONT);
    for (const ch of '待发事件数月日08:') expect(asked[0]![1]).toContain(ch);
    expect(JSON.stringify(option.textStyle)).toContain('Noto Sans SC');
  });

  it('does not wait for ever when a font chunk never arrives', async () => {
    const fonts = { load: () => new Promise(() => undefined) } as unknown as FontFaceSet;
    await expect(fontsReadyFor('字', fonts, 10)).resolves.toBeUndefined();
  });
});
