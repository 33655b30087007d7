import type { webcrypto } from 'node:crypto';
import { expect, it } from 'vitest';
import { couponKeyId, kioskIdOf, signClaim, toBase64, webCryptoSigner } from '../../../../content/schema/coupon/index.ts';
import { CONSOLE_API, KIOSK_API, TILL_API } from '../../../../content/schema/hub-api/index.ts';
import { describeEachDatabase } from '../../../store/testing/each-database.ts';
import { postBatch, testHub, track, type TestHub } from '../../testing/hub-fixture.ts';

const DEVICE = 'kiosk-aaaa-0001';

/** A kiosk with a coupon key of its own, enrolled with it, as the real kiosk enrols. */
async function kioskWithKey(t: TestHub) {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const keyId = await couponKeyId(raw);
  const kioskId = await kioskIdOf(DEVICE);
  const couponKey = { kind: 'kiosk-coupon-key' as const, keyId, publicKey: toBase64(raw), kioskId, deviceId: DEVICE, storeId: 'sh-001', kioskName: 'Window 1', createdAt: new Date(t.clock.now()).toISOString() };
  const session = await t.admin();
  const { secret } = (await t.call(CONSOLE_API.createEnrolmentSecret, { body: { kind: 'code', storeId: 'sh-001', kioskName: null, validHours: 24 } }, { session })).json() as { secret: string };
  const enrolled = await t.call(KIOSK_API.enrol, { body: { deviceId: DEVICE, appVersion: '0.1.0', platform: 'linux', couponKey } }, { bearer: secret });
  const token = (enrolled.json() as { token: string }).token;
  let seq = 0;
  const issue = async (validHours = 24) => {
    const claim = { campaignId: 'juice-10', reward: { kind: 'amount-off' as const, value: 1000 }, validHours };
    return signClaim(claim, { signer: webCryptoSigner(keyId, pair.privateKey), kioskId }, ++seq, Math.floor(t.clock.now() / 1000));
  };
  return { token, issue, kioskId };
}

async function tillFor(t: TestHub, storeId = 'sh-001'): Promise<string> {
  const made = await t.call(CONSOLE_API.createTill, { body: { storeId, name: 'Till 1' } }, { session: await t.admin() });
  return (made.json() as { secret: string }).secret;
}

describeEachDatabase('redemption at the till', (fixture) => {
  it('redeems a coupon once; a second time it says when and where the first was; a tampered copy is refused', async () => {
    const t = await testHub(await fixture.open());
    const kiosk = await kioskWithKey(t);
    const till = await tillFor(t);
    const coupon = await kiosk.issue();
    const first = await t.call(TILL_API.redeem, { body: { token: coupon.token } }, { bearer: till });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ result: 'redeemed', coupon: { couponId: coupon.couponId, reward: { kind: 'amount-off', value: 1000 } } });
    t.clock.advance(60_000);
    const again = await t.call(TILL_API.redeem, { body: { token: `https://claim.example.com/c/${coupon.token}` } }, { bearer: till });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ result: 'refused', reason: 'already-redeemed', first: { storeId: 'sh-001', at: new Date(t.clock.now() - 60_000).toISOString(), till: expect.stringMatching(/^till:/) } });
    const tampered = coupon.token.slice(0, 40) + (coupon.token[40] === 'A' ? 'B' : 'A') + coupon.token.slice(41);
    const forged = await t.call(TILL_API.redeem, { body: { token: tampered } }, { bearer: till });
    expect(forged.statusCode).toBe(422);
    expect(forged.json()).toMatchObject({ result: 'refused', reason: 'bad-signature' });
    await t.close();
  });

  it('refuses an expired coupon, and a coupon of a kiosk the hub does not know', async () => {
    const t = await testHub(await fixture.open());
    const kiosk = await kioskWithKey(t);
    const till = await tillFor(t);
    const coupon = await kiosk.issue(1);
    t.clock.advance(2 * 3_600_000);
    const late = await t.call(TILL_API.redeem, { body: { token: coupon.token } }, { bearer: till });
    expect(late.json()).toMatchObject({ result: 'refused', reason: 'expired' });
    const other = await testHub(await fixture.open());
    const strangerTill = await tillFor(other);
    const unknown = await other.call(TILL_API.redeem, { body: { token: (await kiosk.issue()).token } }, { bearer: strangerTill });
    expect(unknown.json()).toMatchObject({ result: 'refused', reason: 'unknown-key' });
    await t.close();
    await other.close();
  });

  it('takes an offline till’s batch, and the same batch again records nothing twice', async () => {
    const t = await testHub(await fixture.open());
    const kiosk = await kioskWithKey(t);
    const till = await tillFor(t);
    const a = await kiosk.issue();
    const b = await kiosk.issue();
    const at = new Date(t.clock.now() - 10 * 60_000).toISOString();
    const batch = { redemptions: [{ token: a.token, redeemedAt: at }, { token: b.token, redeemedAt: at }] };
    const sent = await t.call(TILL_API.redeemBatch, { body: batch }, { bearer: till });
    expect((sent.json() as { results: { result: string }[] }).results.map((r) => r.result)).toEqual(['redeemed', 'redeemed']);
    const resent = await t.call(TILL_API.redeemBatch, { body: batch }, { bearer: till });
    expect((resent.json() as { results: { result: string }[] }).results.map((r) => r.result)).toEqual(['redeemed', 'redeemed']);
    const stored = await t.hub.store.db.selectFrom('redemptions').select(['coupon_id', 'outcome']).execute();
    expect(stored).toHaveLength(2);
    await t.close();
  });

  it('closes the funnel: the session that won the coupon counts as redeemed, and the reconciliation agrees', async () => {
    const t = await testHub(await fixture.open());
    const kiosk = await kioskWithKey(t);
    const till = await tillFor(t);
    const coupon = await kiosk.issue();
    const shopper = (seq: number, event: string, properties: Record<string, unknown>) => ({ ...track(DEVICE, seq, event, properties), anonymousId: 'shopper-1' });
    await postBatch(t, kiosk.token, [
      shopper(1, 'Session Started', { trigger: 'touch' }),
      shopper(2, 'Game Finished', { game_id: 'wheel', game_kind: 'wheel', completed: true, score: 0, duration_ms: 9000, stats: {}, prize_outcome: 'won', prize_reason: null, campaign_id: 'juice-10', prize_seed: 's', prize_draw: 0.01, prize_odds: { 'juice-10': 0.2 } }),
      shopper(3, 'Coupon Issued', {
        coupon_id: coupon.couponId, campaign_id: 'juice-10', game_id: 'wheel', kiosk_id: coupon.kioskId, key_id: coupon.keyId, kiosk_coupon_seq: coupon.seq,
        issued_at: new Date(coupon.issuedAt * 1000).toISOString(), expires_at: new Date(coupon.expiresAt * 1000).toISOString(), reward_kind: 'amount-off', reward_value: 1000, token: coupon.token,
      }),
    ]);
    await t.call(TILL_API.redeem, { body: { token: coupon.token } }, { bearer: till });
    t.clock.advance(30_000);
    expect((await t.call(TILL_API.redeem, { body: { token: coupon.token } }, { bearer: till })).statusCode).toBe(409);
    const session = await t.admin();
    const period = { from: t.clock.now() - 86_400_000, to: t.clock.now() + 86_400_000 };
    const funnel = (await t.call(CONSOLE_API.funnel, { query: period }, { session })).json();
    expect(funnel).toMatchObject({ sessions: 1, play: 1, gameFinished: 1, couponIssued: 1, couponRedeemed: 1 });
    const reconciliation = (await t.call(CONSOLE_API.reconciliation, { query: period }, { session })).json();
    expect(reconciliation).toEqual({ campaigns: [{ campaignId: 'juice-10', issued: 1, redeemed: 1, redeemedTwice: 1, afterExpiry: 0, neverIssued: 0 }], gaps: [] });
    const games = (await t.call(CONSOLE_API.games, { query: period }, { session })).json();
    expect(games.campaigns).toMatchObject([{ campaignId: 'juice-10', odds: 0.2, draws: 1, won: 1, flagged: false }]);
    await t.close();
  });

  it('wants a till credential: a kiosk credential or none is refused', async () => {
    const t = await testHub(await fixture.open());
    const kiosk = await kioskWithKey(t);
    const coupon = await kiosk.issue();
    expect((await t.call(TILL_API.redeem, { body: { token: coupon.token } })).statusCode).toBe(401);
    expect((await t.call(TILL_API.redeem, { body: { token: coupon.token } }, { bearer: kiosk.token })).statusCode).toBe(401);
    await t.close();
  });
});
