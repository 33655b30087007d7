// Content packs from the hub, for the kiosk app: the keys the hub's packs are signed
// with (told at enrolment and in every heartbeat answer, kept across restarts so a
// kiosk that starts without its hub still trusts them), and the pack the hub assigns —
// fetched with the update poller the kiosk already has (strong ETag, If-None-Match,
// resumable Range) from GET /v1/pack with the kiosk's credential, and imported as any
// pack is: checked, then switched to between shoppers.
//
// A heartbeat answer naming a pack starts a poll; a poll that finds the pack it handled
// last costs a 304. So the kiosk follows a rollout (or a rollback) within a heartbeat.
import path from 'node:path';
import { z } from 'zod';
import { createUpdatePoller, type PollOutcome, type UpdatePoller } from '../../content/lib/index.ts';
import { KIOSK_PACK_PATH } from '../../content/schema/hub-api/pack.ts';
import { TrustedKey } from '../../content/schema/kiosk-config.ts';
import type { HubPackNews } from '../common/hub-agent/hub-agent.ts';
import { hubUrl } from '../common/hub-agent/hub-client.ts';
import { readJsonFile, writeJsonFileAtomic } from './json-file.ts';

export const HUB_PACK_KEYS_FILE = 'hub-pack-keys.json';
export const HUB_PACK_WORK_DIR = 'hub-pack-download';

const KeptKeys = z.object({ hubUrl: z.string(), keys: z.array(TrustedKey) });

export interface HubPacksOptions {
  hubUrl: string;
  /** The kiosk's credential while it is enrolled. */
  token: () => string | null;
  dataDir: string;
  /** Imports a downloaded .kpack; throws (with what was wrong) when the pack is refused. */
  importPack: (file: string) => Promise<void>;
  log: (line: string) => void;
  fetch?: typeof fetch;
  /** How long a download may go without a byte before it is given up (and resumed at the next heartbeat). */
  stallTimeoutMs?: number;
}

export interface HubPacks {
  /** The keys the hub's packs are signed with, as it last said. */
  trustedKeys(): readonly TrustedKey[];
  /** The hub's news: keys kept, an assigned pack fetched (in the background). */
  onNews(news: HubPackNews): void;
  /** Asks the hub for the assigned pack now; null while the kiosk is not enrolled. */
  checkNow(): Promise<PollOutcome | null>;
  close(): Promise<void>;
}

const sameKeys = (a: readonly TrustedKey[], b: readonly TrustedKey[]) => JSON.stringify(a) === JSON.stringify(b);

export async function startHubPacks(o: HubPacksOptions): Promise<HubPacks> {
  const keysFile = path.join(o.dataDir, HUB_PACK_KEYS_FILE);
  const kept = KeptKeys.safeParse(await readJsonFile(keysFile).catch(() => undefined));
  // Keys from another hub (hub.url changed) are not this hub's.
  let keys: TrustedKey[] = kept.success && kept.data.hubUrl === o.hubUrl ? kept.data.keys : [];
  let keyWrites: Promise<unknown> = Promise.resolve();

  let poller: { token: string; poller: UpdatePoller } | null = null;
  let closed = false;
  /** The poller for the current credential (a new enrolment gets a new one; the download state is on disk). */
  const pollerNow = async (): Promise<UpdatePoller | null> => {
    const token = o.token();
    if (closed || !token) return null;
    if (poller?.token === token) return poller.poller;
    await poller?.poller.stop();
    poller = {
      token,
      poller: createUpdatePoller({
        url: hubUrl(o.hubUrl, KIOSK_PACK_PATH),
        workDir: path.join(o.dataDir, HUB_PACK_WORK_DIR),
        // Polled on the hub's word (heartbeat answers), not on a timer.
        intervalMs: 0,
        headers: { authorization: `Bearer ${token}` },
        onPack: o.importPack,
        ...(o.fetch ? { fetch: o.fetch } : {}),
        ...(o.stallTimeoutMs ? { stallTimeoutMs: o.stallTimeoutMs } : {}),
      }),
    };
    return poller.poller;
  };

  let polling: Promise<PollOutcome | null> | null = null;
  const poll = (): Promise<PollOutcome | null> => {
    polling ??= (async () => {
      const p = await pollerNow();
      if (!p) return null;
      const outcome = await p.pollOnce();
      if (outcome.kind === 'imported') o.log(`pack from the hub downloaded (${outcome.bytes} bytes${outcome.resumed ? ', resumed' : ''}) and imported`);
      else if (outcome.kind === 'refused') o.log(`pack from the hub refused: ${String((outcome.error as Error)?.message ?? outcome.error)}`);
      else if (outcome.kind === 'failed') o.log(`pack from the hub not fetched (${String((outcome.error as Error)?.message ?? outcome.error)}); tried again at the next heartbeat`);
      return outcome;
    })().finally(() => {
      polling = null;
    });
    return polling;
  };

  return {
    trustedKeys: () => keys,
    onNews(news) {
      if (!sameKeys(news.trustedKeys, keys)) {
        keys = news.trustedKeys;
        const value = { hubUrl: o.hubUrl, keys };
        keyWrites = keyWrites.then(() => writeJsonFileAtomic(keysFile, value)).catch((err: Error) => o.log(`the hub's pack keys could not be kept on disk (${err.message})`));
        o.log(`the hub's pack keys: ${keys.map((k) => `${k.name} (${k.keyId})`).join(', ') || 'none'}`);
      }
      // Keys first: the pack that follows is checked against them.
      if (news.assigned) void keyWrites.then(poll);
    },
    checkNow: poll,
    async close() {
      closed = true;
      await poller?.poller.stop();
      await polling;
      await keyWrites;
    },
  };
}
