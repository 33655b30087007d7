import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { PackCheckFailure } from '../../../../../content/schema/hub-api/console/packs.ts';
import { consoleTestApp } from '../../test-support/console-test-app.ts';
import { fakeHub } from '../../test-support/fake-hub.ts';
import PackCheckReport from './PackCheckReport.vue';

const schemaFailure: PackCheckFailure = {
  ok: false,
  code: 'schema',
  message: { zh: '内容包里有 2 处数据错误', en: 'The pack has 2 data problems' },
  fix: { zh: '按下表修改后重新生成', en: 'Fix them as listed and build again' },
  problems: [
    {
      severity: 'error',
      file: 'data/products.csv',
      row: 14,
      record: null,
      id: '6901234567892',
      field: 'price',
      column: '价格',
      message: { zh: '价格写成了“12,50”', en: 'the price is written “12,50”' },
      fix: { zh: '用小数点：12.50', en: 'use a dot: 12.50' },
    },
    {
      severity: 'warning',
      file: 'data/campaigns.json',
      row: null,
      record: 2,
      id: 'ten-off-59',
      field: 'awards[1].odds',
      column: null,
      message: { zh: '中奖概率很高', en: 'the odds are very high' },
      fix: null,
    },
  ],
  report: 'data/products.csv row 14 price …',
};

function mountReport(failure: PackCheckFailure, locale: 'zh-CN' | 'en') {
  const app = consoleTestApp({ fetch: fakeHub({}).fetch, role: 'merchandiser', locale });
  return mount(PackCheckReport, { props: { failure, fileName: 'spring.kpack' }, global: app.global });
}

describe('the check report of a refused pack', () => {
  it('explains the code and lists each problem with its file, row, field and fix, in English', () => {
    const wrapper = mountReport(schemaFailure, 'en');
    expect(wrapper.get('[data-testid=pack-report-code]').text()).toBe('schema');
    expect(wrapper.get('[data-testid=pack-report-message]').text()).toBe('The pack has 2 data problems');
    expect(wrapper.get('[data-testid=pack-report-fix]').text()).toBe('Fix them as listed and build again');
    expect(wrapper.get('[data-testid=pack-report-counts]').text()).toContain('1');
    const rows = wrapper.findAll('[data-testid=pack-problem]');
    expect(rows).toHaveLength(2);
    const cells = rows[0]!.findAll('td').map((c) => c.text());
    expect(cells[0]).toBe('data/products.csv');
    expect(cells[1]).toBe('row 14');
    expect(cells[2]).toBe('6901234567892 · price');
    expect(cells[3]).toBe('the price is written “12,50”');
    expect(cells[4]).toBe('use a dot: 12.50');
    const second = rows[1]!.findAll('td').map((c) => c.text());
    expect(second[1]).toBe('record 2');
    expect(second[3]).toContain('the odds are very high');
    expect(rows[1]!.attributes('data-severity')).toBe('warning');
    // Not a hostile archive: no word about discarding it for safety.
    expect(wrapper.text()).not.toContain('thrown away');
  });

  it('speaks Chinese in a Chinese console, and says a hostile archive was discarded', () => {
    const wrapper = mountReport({ ...schemaFailure, code: 'zip-slip', message: { zh: '包里的文件想写到包外', en: 'an entry escapes the pack' }, problems: [] }, 'zh-CN');
    expect(wrapper.get('[data-testid=pack-report-code]').text()).toBe('zip-slip');
    expect(wrapper.get('[data-testid=pack-report-explained]').text()).toBe('拒绝：包里的文件想写到包外面');
    expect(wrapper.get('[data-testid=pack-report-message]').text()).toBe('包里的文件想写到包外');
    expect(wrapper.text()).toContain('服务器和互动屏上都没有写入任何内容');
    expect(wrapper.find('[data-testid=pack-problem]').exists()).toBe(false);
  });

  it('shows the hub’s own sentence for a code the console has no words for', () => {
    const wrapper = mountReport({ ...schemaFailure, code: 'brand-new-code', problems: [] }, 'en');
    expect(wrapper.get('[data-testid=pack-report-code]').text()).toBe('brand-new-code');
    expect(wrapper.get('[data-testid=pack-report-message]').text()).toBe('The pack has 2 data problems');
  });
});
