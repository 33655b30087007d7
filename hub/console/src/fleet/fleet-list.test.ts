import { describe, expect, it } from 'vitest';
import { kiosk } from '../test-support/fixtures.ts';
import { CHECK_SLICE_ROWS, checkRows } from './fleet-list.ts';

/** A yield that records when each slice was about to run. */
function slices() {
  const marks: number[] = [];
  let n = 0;
  return { marks, yieldTask: async () => void marks.push(n++) };
}

describe('checking the fleet list after it is shown', () => {
  it('checks every row, a slice per task, each after a yield to the page', async () => {
    const rows = Array.from({ length: CHECK_SLICE_ROWS * 2 + 1 }, (_, i) => kiosk({ deviceId: `k-${i}` }));
    const { marks, yieldTask } = slices();
    const checked = checkRows(rows, yieldTask);
    await expect(checked).resolves.toBeUndefined();
    expect(marks).toEqual([0, 1, 2]);
  });

  it('names the first row that breaks the contract, and the field', async () => {
    const rows: unknown[] = Array.from({ length: CHECK_SLICE_ROWS + 10 }, (_, i) => kiosk({ deviceId: `k-${i}` }));
    rows[CHECK_SLICE_ROWS + 3] = { ...kiosk({ deviceId: 'bad' }), seqGaps: 'many' };
    await expect(checkRows(rows, async () => undefined)).rejects.toMatchObject({
      code: 'bad-answer',
      message: expect.stringContaining(`row ${CHECK_SLICE_ROWS + 4}, seqGaps:`),
    });
  });

  it('refuses a row that is not an object at all', async () => {
    await expect(checkRows([null], async () => undefined)).rejects.toMatchObject({ code: 'bad-answer' });
  });
});
