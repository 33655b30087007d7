import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openKioskLog, type KioskLogFile } from './kiosk-log.ts';
import { lastLogLines, logFiles } from './log-tail.ts';

const dirs: string[] = [];
const logs: KioskLogFile[] = [];
afterEach(async () => {
  for (const log of logs.splice(0)) await log.close().catch(() => undefined);
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function freshLog(over: Partial<Parameters<typeof openKioskLog>[0]> = {}): Promise<KioskLogFile> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-logs-'));
  dirs.push(dir);
  const log = openKioskLog({ dir: path.join(dir, 'logs'), level: 'info', maxFileMb: 5, files: 5, stdoutLevel: null, ...over });
  logs.push(log);
  return log;
}

async function everything(dir: string): Promise<string> {
  const texts = await Promise.all((await logFiles(dir)).map((f) => readFile(f, 'utf8')));
  return texts.join('');
}

describe('the kiosk log', () => {
  it('never writes a scanned code, a QR code’s address, a camera frame, a picture, a credential or an e-mail address', async () => {
    const log = await freshLog();
    const scan = log.child('scan');
    // What a careless caller might hand the log: the scan event with its text, an error naming the code.
    scan.info('Barcode Scanned', { event: 'Barcode Scanned', source: 'camera', code: '6901234567892', text: 'https://id.gs1.org/01/09506000134352?lot=AB12', recognised: true });
    scan.error(`no product for 6901234567892 (scanned as 690-1234-567892)`, { err: new Error('lookup of 4006381333931 failed in shard 12') });
    scan.warn('camera frame could not be decoded', { frame: new Uint8Array(1280 * 4).fill(200), width: 1280, height: 720 });
    scan.info('QR code read: https://shop.example.com/p/secret-offer?customer=wang.fang@example.com');
    scan.info('GS1 element string (01)09506000134352(17)261231(10)LOT42 read');
    log.child('hub').warn('hub refused Bearer kt_9f8e7d6c5b4a.s3cr3tv4lu3 for device 0b7f4f7e', { token: 'kt_9f8e7d6c5b4a.s3cr3tv4lu3' });
    log.info('screenshot taken', { screenshot: 'data:image/jpeg;base64,' + 'A'.repeat(400), note: '/9j/' + 'Qk'.repeat(60) });
    log.info('shopper phone 138 1234 5678 typed');
    await log.flush();

    const text = await everything(log.dir);
    for (const secret of ['6901234567892', '690-1234-567892', '4006381333931', '09506000134352', 'id.gs1.org/01', 'lot=AB12', 'secret-offer', 'wang.fang', 's3cr3tv4lu3', 'AAAAAAAAAA', 'QkQkQkQkQk', '138 1234 5678', 'LOT42', '200,200,200']) {
      expect(text, `the log contains ${secret}`).not.toContain(secret);
    }
    // What an operator needs is still there: which component, what happened, the kinds of things left out.
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ level: 'info', component: 'scan', msg: 'Barcode Scanned', event: 'Barcode Scanned', source: 'camera', code: '[redacted]', recognised: true });
    expect(lines[1]).toMatchObject({ level: 'error', msg: 'no product for [digits] (scanned as [digits])', err: { type: 'Error', message: 'lookup of [digits] failed in shard 12' } });
    expect(lines[2]).toMatchObject({ frame: '[redacted]', width: 1280, height: 720 });
    expect(lines[3]!.msg).toBe('QR code read: https://shop.example.com/…');
    expect(typeof lines[0]!.time).toBe('string');
  });

  it('writes from its level up', async () => {
    const log = await freshLog({ level: 'warn' });
    log.info('an ordinary moment');
    log.debug('a detail');
    log.warn('the pack poll failed');
    await log.flush();
    const text = await everything(log.dir);
    expect(text).toContain('the pack poll failed');
    expect(text).not.toContain('an ordinary moment');
    expect(text).not.toContain('a detail');
  });

  it('rolls its file over at the size and keeps only so many files, so the folder stays under its cap', async () => {
    const log = await freshLog({ maxFileMb: 1, files: 3 });
    const filler = 'the pack poll answered 304, nothing new. '.repeat(22);
    for (let i = 0; i < 5_000; i++) log.info(`line ${i} ${filler}`);
    await log.flush();
    // Rolling and removing happen as the file fills; give the last removal a moment.
    await expect
      .poll(async () => (await readdir(log.dir)).length, { timeout: 5_000 })
      .toBeLessThanOrEqual(3);
    const files = await logFiles(log.dir);
    let total = 0;
    for (const f of files) total += (await stat(f)).size;
    expect(total).toBeLessThanOrEqual(3 * 1024 * 1024 + 64 * 1024);
    expect(total).toBeGreaterThan(1024 * 1024);

    const tail = await lastLogLines(log.dir, 3);
    expect(tail.map((l) => (JSON.parse(l) as { msg: string }).msg.split(' ').slice(0, 2).join(' '))).toEqual(['line 4997', 'line 4998', 'line 4999']);
  });

  it('carries on numbering after a restart, and the tail reads across files, oldest first', async () => {
    const log = await freshLog({ maxFileMb: 1, files: 4 });
    const filler = 'é'.repeat(600); // two bytes each: lines cross chunk edges mid-character
    for (let i = 0; i < 1_500; i++) log.info(`first run ${i} ${filler}`);
    await log.close();
    logs.splice(logs.indexOf(log), 1);
    const again = openKioskLog({ dir: log.dir, level: 'info', maxFileMb: 1, files: 4, stdoutLevel: null });
    logs.push(again);
    again.info('second run starts');
    await again.flush();
    const tail = await lastLogLines(again.dir, 400);
    expect(tail).toHaveLength(400);
    const msgs = tail.map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(msgs.at(-1)).toBe('second run starts');
    expect(msgs.at(-2)).toBe(`first run 1499 ${filler}`);
    expect(msgs[0]).toBe(`first run 1101 ${filler}`);
    expect((await logFiles(again.dir)).length).toBeGreaterThan(1);
  });

  it('answers no lines for a folder without logs', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-nologs-'));
    dirs.push(dir);
    expect(await lastLogLines(path.join(dir, 'logs'), 50)).toEqual([]);
  });
});
