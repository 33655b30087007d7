import { describe, expect, it } from 'vitest';
import type { RendererLogLine } from '../../../electron/common/kiosk-api.ts';
import { createRendererLog, logUncaughtErrors } from './renderer-log.ts';

function fakeHost() {
  const lines: RendererLogLine[] = [];
  return { lines, host: { log: async (line: RendererLogLine) => void lines.push(line) } };
}

describe('the renderer’s log', () => {
  it('sends an uncaught error to the host', () => {
    const { lines, host } = fakeHost();
    const stop = logUncaughtErrors(createRendererLog(host));
    window.dispatchEvent(new ErrorEvent('error', { message: 'pixi texture missing', filename: 'app://kiosk/assets/index-abc.js', lineno: 12 }));
    stop();
    window.dispatchEvent(new ErrorEvent('error', { message: 'after stop' }));
    expect(lines).toEqual([{ level: 'error', message: 'uncaught error: pixi texture missing', fields: { source: 'index-abc.js', line: 12 } }]);
  });

  it('lets a few lines a second through and says how many it held back', () => {
    const { lines, host } = fakeHost();
    let now = 0;
    const log = createRendererLog(host, () => now);
    for (let i = 0; i < 50; i++) log.write('warn', `loop ${i}`);
    expect(lines).toHaveLength(5);
    now = 1_000;
    log.write('info', 'calm again');
    expect(lines.at(-1)).toEqual({ level: 'info', message: 'calm again', fields: { droppedBefore: 45 } });
  });
});
