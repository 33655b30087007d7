import { describe, expect, it } from 'vitest';
import { INTERRUPTED_MESSAGE, LEDGER_SIZE, ledgerResult, planCommand, readLedger, withEntry, type LedgerEntry } from './command-ledger.ts';

const entry = (id: string, result: LedgerEntry['result'] = { ok: true, message: 'done' }, kind: LedgerEntry['kind'] = 'reload'): LedgerEntry => ({ id, kind, ranAt: 1, expiresAt: 10, result });

describe('command ledger', () => {
  it('runs a new command, sends the result again for one it ran, and skips one that expired', () => {
    const ledger = [entry('a'), entry('b', null)];
    expect(planCommand(ledger, { id: 'c', kind: 'reload', expiresAt: 2_000 }, 1_000)).toEqual({ do: 'run' });
    expect(planCommand(ledger, { id: 'a', kind: 'reload', expiresAt: 2_000 }, 1_000)).toEqual({ do: 'resend', result: { ok: true, message: 'done' } });
    expect(planCommand(ledger, { id: 'b', kind: 'reload', expiresAt: 2_000 }, 1_000)).toEqual({ do: 'resend', result: { ok: false, message: INTERRUPTED_MESSAGE } });
    // One already run is answered even after it expired; a new one that expired is not run.
    expect(planCommand(ledger, { id: 'a', kind: 'reload', expiresAt: 500 }, 1_000)).toMatchObject({ do: 'resend' });
    expect(planCommand(ledger, { id: 'c', kind: 'reload', expiresAt: 1_000 }, 1_000)).toMatchObject({ do: 'skip', why: expect.stringMatching(/expired/) });
  });

  it('keeps the last few hundred, the newest last, one entry per id', () => {
    let ledger: LedgerEntry[] = [];
    for (let i = 0; i < LEDGER_SIZE + 50; i++) ledger = withEntry(ledger, entry(`c${i}`, null));
    ledger = withEntry(ledger, entry(`c${LEDGER_SIZE + 49}`));
    expect(ledger).toHaveLength(LEDGER_SIZE);
    expect(ledger[0]!.id).toBe('c50');
    expect(ledger.at(-1)).toEqual(entry(`c${LEDGER_SIZE + 49}`));
  });

  it('never keeps a screenshot, and says so when a screenshot result is sent again', () => {
    const result = ledgerResult({ ok: true, message: 'Screenshot 960×540', screenshot: { mime: 'image/jpeg', width: 960, height: 540, base64: 'AAAA' } });
    expect(result).toEqual({ ok: true, message: 'Screenshot 960×540' });
    expect(planCommand([entry('s', result, 'screenshot')], { id: 's', kind: 'screenshot', expiresAt: 9 }, 1)).toEqual({
      do: 'resend',
      result: { ok: true, message: expect.stringMatching(/ask for a new screenshot/) },
    });
  });

  it('reads a damaged ledger as empty', () => {
    expect(readLedger(null)).toEqual([]);
    expect(readLedger({ not: 'a list' })).toEqual([]);
    expect(readLedger([entry('a')])).toEqual([entry('a')]);
  });
});
