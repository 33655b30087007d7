import { describe, expect, it } from 'vitest';
import type { HubPackNews } from '../../../electron/common/hub-agent/hub-agent.ts';
import type { ActivePack, SessionState } from '../../../electron/common/kiosk-api.ts';
import { createWebPacks } from './web-packs.ts';

const HUB = 'https://hub.example.com/base/';
const sha = (c: string) => c.repeat(64);
const news = (version: string | null, c = 'a'): HubPackNews => ({
  trustedKeys: [],
  assigned: version === null ? null : { packId: 'spring', version, sha256: sha(c), bytes: 10, rolloutId: '1', download: '/v1/pack', files: `/v1/pack-files/${sha(c)}/` },
});

function page(served: { packId: string; version: string } | null = { packId: 'spring', version: '1.0.0' }) {
  let session: SessionState = 'idle';
  const changes: ActivePack[] = [];
  const packs = createWebPacks({
    servedBaseUrl: 'http://k/pack/',
    fetchImpl: (async () => (served ? new Response(JSON.stringify(served)) : new Response('', { status: 404 }))) as typeof fetch,
    session: () => session,
    onChange: (p) => changes.push(p),
    log: () => undefined,
  });
  const setSession = (s: SessionState) => {
    session = s;
    packs.sessionChanged(s);
  };
  return { packs, changes, setSession };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('which pack a browser-mode kiosk shows', () => {
  it("switches to the hub's pack at once when nobody is there, and keeps the newest one named while a shopper is", async () => {
    const { packs, changes, setSession } = page();
    expect(await packs.active()).toMatchObject({ version: '1.0.0', activation: 1 });
    packs.onNews(news('1.1.0'), HUB);
    expect(changes.map((c) => [c.version, c.baseUrl])).toEqual([['1.1.0', `${HUB}v1/pack-files/${sha('a')}/`]]);
    // The same news again: nothing to do.
    packs.onNews(news('1.1.0'), HUB);
    expect(changes).toHaveLength(1);

    setSession('active');
    packs.onNews(news('1.2.0', 'b'), HUB);
    packs.onNews(news('1.3.0', 'c'), HUB);
    expect(changes).toHaveLength(1);
    expect(packs.shown()).toEqual({ packId: 'spring', version: '1.1.0' });
    setSession('idle');
    expect(changes.map((c) => [c.version, c.activation])).toEqual([['1.1.0', 2], ['1.3.0', 3]]);
  });

  it('goes back to the pack its server serves when the hub assigns nothing any more (a rollback)', async () => {
    const { packs, changes, setSession } = page();
    await packs.active();
    packs.onNews(news('1.1.0'), HUB);
    setSession('active');
    packs.onNews(news(null), HUB);
    await settle();
    expect(changes).toHaveLength(1);
    setSession('idle');
    expect(changes.at(-1)).toMatchObject({ version: '1.0.0', baseUrl: 'http://k/pack/' });
    // Nothing assigned while it shows the server's pack: nothing changes; an enrolment answer (no word on assignment) neither.
    packs.onNews(news(null), HUB);
    packs.onNews({ trustedKeys: [] }, HUB);
    await settle();
    expect(changes).toHaveLength(2);
  });

  it('does not try again a pack the screen could not show, and counts it as gone back from', async () => {
    const { packs, changes } = page();
    await packs.active();
    packs.onNews(news('1.1.0'), HUB);
    packs.failed({ packId: 'spring', version: '1.1.0', activation: 2 }, 'media missing');
    expect(changes.at(-1)).toMatchObject({ version: '1.0.0', activation: 3 });
    expect(packs.problem()).toBe('spring@1.1.0: media missing');
    expect(packs.rollbacks()).toBe(1);
    packs.onNews(news('1.1.0'), HUB);
    expect(changes).toHaveLength(2);
    // A failure report about an older activation changes nothing.
    packs.failed({ packId: 'spring', version: '1.0.0', activation: 1 }, 'late');
    expect(changes).toHaveLength(2);
  });
});
