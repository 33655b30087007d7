import { describe, expect, it } from 'vitest';
import { kioskLogTo } from './kiosk-log.ts';
import { LogGate } from './renderer-log-gate.ts';
import { rendererLogSink } from './renderer-log-sink.ts';

describe('the renderer’s lines in main’s log', () => {
  it('are redacted like main’s own, marked as the renderer’s, and limited in rate', () => {
    const written: string[] = [];
    const log = kioskLogTo({ write: (line: string) => void written.push(line) }, 'info').child('renderer');
    let now = 0;
    const sink = rendererLogSink(log, new LogGate({ burst: 3, perSecond: 1 }), () => now);
    sink({ level: 'error', message: 'unhandled rejection: no product for 6901234567892', fields: { code: '6901234567892', screen: 'product' } });
    for (let i = 0; i < 10; i++) sink({ level: 'warn', message: `loop ${i}` });
    now = 5_000;
    sink({ level: 'info', message: 'calm again' });

    const lines = written.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(written.join('')).not.toContain('6901234567892');
    expect(lines[0]).toMatchObject({ level: 'error', component: 'renderer', msg: 'unhandled rejection: no product for [digits]', code: '[redacted]', screen: 'product' });
    expect(lines.map((l) => l.msg)).toEqual([
      'unhandled rejection: no product for [digits]',
      'loop 0',
      'loop 1',
      '8 renderer log lines were left out (too many at once)',
      'calm again',
    ]);
  });
});
