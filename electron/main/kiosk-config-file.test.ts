import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKioskConfig } from './kiosk-config-file.ts';

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-config-'));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('kiosk settings file', () => {
  it('runs on defaults when there is no file', async () => {
    const { config, problem } = await loadKioskConfig(path.join(dir, 'missing.json'));
    expect(problem).toBeNull();
    expect(config.idle.timeoutSec).toBe(45);
    expect(config.defaultLocale).toBe('zh-CN');
  });

  it('applies the settings and fills in the rest', async () => {
    const file = path.join(dir, 'ok.json');
    await fs.writeFile(file, JSON.stringify({ storeId: 'sh-001', idle: { timeoutSec: 90 } }));
    const { config, problem } = await loadKioskConfig(file);
    expect(problem).toBeNull();
    expect(config.storeId).toBe('sh-001');
    expect(config.idle).toEqual({ timeoutSec: 90, warningSec: 10 });
  });

  it('names the file and the field when a setting is wrong, and keeps running', async () => {
    const file = path.join(dir, 'bad.json');
    await fs.writeFile(file, JSON.stringify({ idle: { timeoutSec: 2 }, collector: { url: 'not a url' } }));
    const { config, problem } = await loadKioskConfig(file);
    expect(config.idle.timeoutSec).toBe(45);
    expect(problem).toContain(file);
    expect(problem).toContain('idle.timeoutSec');
    expect(problem).toContain('collector.url');
  });

  it('survives a file that is not JSON at all', async () => {
    const file = path.join(dir, 'garbage.json');
    await fs.writeFile(file, '{ "storeId": ');
    const { problem } = await loadKioskConfig(file);
    expect(problem).toMatch(/not valid JSON/);
  });
});
