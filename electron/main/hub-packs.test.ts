import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTempDir } from '../../content/lib/testing/temp-dirs.ts';
import type { TrustedKey } from '../../content/schema/kiosk-config.ts';
import { HUB_PACK_KEYS_FILE, startHubPacks, type HubPacksOptions } from './hub-packs.ts';

const KEY: TrustedKey = { name: 'Shopfront hub', keyId: '0123456789abcdef', publicKey: `${'A'.repeat(43)}=` };

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => (tmp = await makeTempDir('hub-packs-')));
afterEach(() => tmp.remove());

function options(over: Partial<HubPacksOptions> = {}): HubPacksOptions & { asked: string[] } {
  const asked: string[] = [];
  return {
    hubUrl: 'https://hub.example.com/base/',
    token: () => 'kt_secret',
    dataDir: tmp.dir,
    importPack: async () => undefined,
    log: () => undefined,
    fetch: (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
      asked.push(`${String(input)} ${new Headers(init?.headers).get('authorization')}`);
      return new Response(null, { status: 204 });
    }) as typeof fetch,
    asked,
    ...over,
  };
}

it("keeps the hub's keys across a restart, and forgets them when hub.url names another hub", async () => {
  const first = await startHubPacks(options());
  first.onNews({ trustedKeys: [KEY] });
  await first.close();
  expect(JSON.parse(await readFile(path.join(tmp.dir, HUB_PACK_KEYS_FILE), 'utf8'))).toEqual({ hubUrl: 'https://hub.example.com/base/', keys: [KEY] });

  const again = await startHubPacks(options());
  expect(again.trustedKeys()).toEqual([KEY]);
  await again.close();
  const other = await startHubPacks(options({ hubUrl: 'https://other-hub.example.com/' }));
  expect(other.trustedKeys()).toEqual([]);
  await other.close();
});

it('asks the hub for the assigned pack with the kiosk credential, and not at all before enrolment', async () => {
  let token: string | null = null;
  const o = options({ token: () => token });
  const packs = await startHubPacks(o);
  expect(await packs.checkNow()).toBeNull();
  token = 'kt_secret';
  expect(await packs.checkNow()).toEqual({ kind: 'not-modified' });
  expect(o.asked).toEqual(['https://hub.example.com/base/v1/pack Bearer kt_secret']);
  // News without an assigned pack asks for nothing.
  packs.onNews({ trustedKeys: [], assigned: null });
  await packs.close();
  expect(o.asked).toHaveLength(1);
});
