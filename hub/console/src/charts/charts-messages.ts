// Words around the charts.
import type { Widen } from '../i18n/messages.ts';

const zhCN = {
  showTable: '表格',
  showChart: '图表',
  exportCsv: '导出 CSV',
  time: '时间',
  noData: '过去 7 天没有数据。',
  preparing: '正在准备图表…',
  unit: { points: '{n} 个百分点', seconds: '{n} 秒' },
} as const;

const en: Widen<typeof zhCN> = {
  showTable: 'Table',
  showChart: 'Chart',
  exportCsv: 'Export CSV',
  time: 'Time',
  noData: 'No data in the last 7 days.',
  preparing: 'Preparing the chart…',
  unit: { points: '{n} pp', seconds: '{n} s' },
};

export const chartsMessages = { 'zh-CN': zhCN, en };
