// Helpers for the pack tests: upload a .kpack as the console and kiosk-pack publish do
// (the raw file, streamed), trust the test signing key, list what the pack folder holds.
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { publicPart } from '../../../content/lib/keys/key-files.ts';
import { testKey } from '../../../content/lib/testing/sample-pack.ts';
import { CONSOLE_API } from '../../../content/schema/hub-api/index.ts';
import { authHeaders, sessionOf, type Auth, type TestHub } from './hub-fixture.ts';

export function uploadPack(t: TestHub, file: string, auth: Auth, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: CONSOLE_API.uploadPack.path,
    headers: { ...authHeaders(auth), 'content-type': 'application/octet-stream', ...headers },
    payload: createReadStream(file),
  });
}

/** Makes the hub trust the key content/lib's sample packs are signed with. */
export async function trustTestKey(t: TestHub): Promise<void> {
  const res = await t.call(CONSOLE_API.addPackKey, { body: publicPart(await testKey()) }, { session: await t.admin() });
  if (res.statusCode !== 200) throw new Error(`trusting the test key failed: ${res.body}`);
}

/** Every file under `dir`, relative, sorted (directories end in "/"). */
export async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (rel: string) => {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        out.push(`${child}/`);
        await visit(child);
      } else out.push(child);
    }
  };
  await visit('');
  return out.sort();
}

/** A console user of `role`, signed in. */
export async function signIn(t: TestHub, username: string, role: 'admin' | 'merchandiser' | 'store-manager' | 'analyst', storeIds: string[] | null = null) {
  const password = 'correct horse battery staple';
  const made = await t.call(CONSOLE_API.createUser, { body: { username, password, role, storeIds } }, { session: await t.admin() });
  if (made.statusCode !== 200) throw new Error(`user not made: ${made.body}`);
  const res = await t.call(CONSOLE_API.login, { body: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  return sessionOf(res);
}
