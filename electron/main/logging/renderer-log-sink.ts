// Where the renderer's log lines (KioskApi.log) go in main: through the rate gate, then
// into the log under component "renderer", redacted like every other line. What the gate
// turned away is said once lines pass again.
import type { RendererLogLine } from '../../common/kiosk-api.ts';
import type { KioskLog } from './kiosk-log.ts';
import { LogGate } from './renderer-log-gate.ts';

export function rendererLogSink(log: KioskLog, gate: LogGate = new LogGate(), now: () => number = Date.now): (line: RendererLogLine) => void {
  return (line) => {
    const answer = gate.admit(now());
    if (!answer.pass) return;
    if (answer.dropped > 0) log.warn(`${answer.dropped} renderer log lines were left out (too many at once)`);
    log[line.level](line.message, line.fields);
  };
}
