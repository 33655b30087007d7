// What ECharts draws for an option, read from its own SVG rendering (no DOM, no canvas):
// axis labels, legends, names — for tests that check what a chart reads.
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import '../charts/echarts-analytics.ts';

use([SVGRenderer]);

/** Every text the chart draws, in drawing order. */
export function svgTexts(option: EChartsCoreOption, size = { width: 600, height: 260 }): string[] {
  const chart = init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption(option);
    return [...chart.renderToSVGString().matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
  } finally {
    chart.dispose();
  }
}
