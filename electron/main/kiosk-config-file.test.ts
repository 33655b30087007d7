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

  it('takes the hub settings, with their defaults, and refuses a hub that is not http(s)', async () => {
    const file = path.join(dir, 'hub.json');
    await fs.writeFile(file, JSON.stringify({ hub: { url: 'https://hub.example.com', enrolmentToken: 'et_rollout_2026' } }));
    const { config, problem } = await loadKioskConfig(file);
    expect(problem).toBeNull();
    expect(config.hub).toEqual({ url: 'https://hub.example.com', enrolmentToken: 'et_rollout_2026', heartbeatSec: 60, commandWaitSec: 25 });
    expect((await loadKioskConfig(path.join(dir, 'missing.json'))).config.hub).toEqual({ heartbeatSec: 60, commandWaitSec: 25 });

    const bad = path.join(dir, 'bad-hub.json');
    await fs.writeFile(bad, JSON.stringify({ hub: { url: 'ftp://hub.example.com', enrolmentToken: 'kt_1234567', heartbeatSec: 5, commandWaitSec: 120, extra: 1 } }));
    const refused = await loadKioskConfig(bad);
    for (const field of ['hub.url', 'hub.enrolmentToken', 'hub.heartbeatSec', 'hub.commandWaitSec']) expect(refused.problem).toContain(field);
    expect(refused.problem).toMatch(/extra/);
  });

  it('survives a file that is not JSON at all', async () => {
    const file = path.join(dir, 'garbage.json');
    await fs.writeFile(file, '{ "storeId": ');
    const { problem } = await loadKioskConfig(file);
    expect(problem).toMatch(/not valid JSON/);
  });
});
