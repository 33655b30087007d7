// A campaign's "claim on your phone" link must leave the coupon's QR code readable off a
// screen: the link is refused at validation, not discovered as a dense code in the store.
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_LIMIT_DEFAULTS, CLAIM_URL_MAX_BYTES, Campaign } from './campaign.ts';
import { packJsonSchemas } from './json-schema.ts';

const campaign = (claimUrlTemplate?: string) => ({
  id: 'ten-off',
  name: { 'zh-CN': '满59减10' },
  reward: { kind: 'amount-off', amount: 1000, title: { 'zh-CN': '满59元减10元' } },
  validFrom: '2026-12-01T00:00:00+08:00',
  validTo: '2026-12-31T23:59:59+08:00',
  couponValidDays: 7,
  dailyCapPerKiosk: 50,
  inventoryPerKiosk: 500,
  awards: [{ game: 'lucky-wheel', odds: 0.3 }],
  ...(claimUrlTemplate ? { claimUrlTemplate } : {}),
});

/** A coupon token as the kiosk writes it: 152 characters of base32. */
const TOKEN = Array.from({ length: 152 }, (_, i) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[(i * 7 + 3) % 32]).join('');
const qrVersion = (text: string) => QRCode.create(text, { errorCorrectionLevel: 'M' }).version;

describe('campaign claim link', () => {
  it('accepts a short link with {token}, and a campaign without one', () => {
    expect(Campaign.safeParse(campaign('https://freshpick.example.com/c/{token}')).success).toBe(true);
    expect(Campaign.safeParse(campaign()).success).toBe(true);
  });

  it('refuses a link whose QR code would be too dense to read off a screen, saying so', () => {
    const long = `https://promotions.freshpick-market.example.com/campaigns/2026/winter-fruit-festival/claim-your-coupon?source=shop-window-kiosk&store=shanghai-jingan&code={token}`;
    const result = Campaign.safeParse(campaign(long));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['claimUrlTemplate', `the claim link is too long for a QR code a phone reads off a screen: at most ${CLAIM_URL_MAX_BYTES} characters besides {token}`],
    ]);
    expect(qrVersion(long.replace('{token}', TOKEN))).toBeGreaterThan(10);
  });

  it('counts bytes, so a Chinese path cannot slip past the limit', () => {
    const chinese = `https://freshpick.example.com/${'领券'.repeat(10)}/{token}`;
    expect([...chinese.replace('{token}', '')].length).toBeLessThanOrEqual(CLAIM_URL_MAX_BYTES);
    expect(Campaign.safeParse(campaign(chinese)).success).toBe(false);
  });

  it('at the longest link it accepts, the QR code is version 10 or lower at error correction M', () => {
    const prefix = 'https://';
    const longest = `${prefix}${'a'.repeat(CLAIM_URL_MAX_BYTES - prefix.length - 1)}/{token}`;
    expect(Campaign.safeParse(campaign(longest)).success).toBe(true);
    expect(qrVersion(longest.replace('{token}', TOKEN))).toBeLessThanOrEqual(10);
    // The token alone stays at the version the coupon format promises.
    expect(qrVersion(TOKEN)).toBeLessThanOrEqual(6);
  });
});

describe('campaign limits for one shopper and between two coupons', () => {
  it('reads a campaign written before the limits existed, giving one coupon a session and 60 s between coupons', () => {
    const older = Campaign.parse(campaign());
    expect(older).toMatchObject({ capPerSession: 1, cooldownSec: 60 });
    expect(CAMPAIGN_LIMIT_DEFAULTS).toEqual({ capPerSession: 1, cooldownSec: 60 });
  });

  it('takes the pack\'s own limits, and refuses a session limit of none or a negative cool-down', () => {
    expect(Campaign.parse({ ...campaign(), capPerSession: 2, cooldownSec: 0 })).toMatchObject({ capPerSession: 2, cooldownSec: 0 });
    expect(Campaign.safeParse({ ...campaign(), capPerSession: 0 }).success).toBe(false);
    expect(Campaign.safeParse({ ...campaign(), cooldownSec: -1 }).success).toBe(false);
  });

  it('leaves them optional in the JSON Schema a merchandiser\'s editor reads', () => {
    const schema = packJsonSchemas()['campaigns.schema.json'] as { items: { required: string[]; properties: Record<string, { default?: unknown }> } };
    expect(schema.items.required).not.toContain('capPerSession');
    expect(schema.items.required).not.toContain('cooldownSec');
    expect(schema.items.properties.capPerSession?.default).toBe(1);
    expect(schema.items.properties.cooldownSec?.default).toBe(60);
  });
});
