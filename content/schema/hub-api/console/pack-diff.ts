// What changes for shoppers if a pack goes live: the pack uploaded to the hub compared
// with the one a store's kiosks run now (or with another upload) — products added,
// removed and repriced, campaigns and their odds, media by file hash, the schedule.
// And the address of the virtual kiosk that previews an uploaded pack in the console.
import { z } from 'zod';
import { LOCALES, LocalizedText, type Locale } from '../../localized.ts';
import { StoreId } from '../enrolment.ts';
import { ApiErrorBody } from '../errors.ts';
import { route } from '../route.ts';
import { PackUploadId } from './packs.ts';

/** One value that changed, at a path inside its record: `dailyCapPerKiosk`, `validTo`, `default.games`. */
export const FieldChange = z.object({
  field: z.string(),
  /** The value before and after, as the pack holds it (undefined: not set). */
  before: z.unknown(),
  after: z.unknown(),
});
export type FieldChange = z.infer<typeof FieldChange>;

/** A record named for people: its id and its name or title. */
export const RecordRef = z.object({ id: z.string(), name: LocalizedText.nullable() });
export type RecordRef = z.infer<typeof RecordRef>;

export const RecordChange = RecordRef.extend({ changes: z.array(FieldChange) });
export type RecordChange = z.infer<typeof RecordChange>;

export const RecordDiff = z.object({ added: z.array(RecordRef), removed: z.array(RecordRef), changed: z.array(RecordChange) });
export type RecordDiff = z.infer<typeof RecordDiff>;

/** Prices in minor units (fen): 1290 is ¥12.90. */
export const ProductPrice = z.object({ price: z.number(), promoPrice: z.number().nullable() });
export type ProductPrice = z.infer<typeof ProductPrice>;

export const ProductRef = ProductPrice.extend({ gtin: z.string(), name: LocalizedText });
export type ProductRef = z.infer<typeof ProductRef>;

export const PriceChange = z.object({ gtin: z.string(), name: LocalizedText, before: ProductPrice, after: ProductPrice });
export type PriceChange = z.infer<typeof PriceChange>;

/** A product whose price stayed but something else changed: the fields by name. */
export const ProductEdit = z.object({ gtin: z.string(), name: LocalizedText, fields: z.array(z.string()) });
export type ProductEdit = z.infer<typeof ProductEdit>;

export const ProductsDiff = z.object({
  /** Lists hold at most `listLimit` entries each; the counts are exact. */
  added: z.array(ProductRef),
  removed: z.array(ProductRef),
  priceChanged: z.array(PriceChange),
  edited: z.array(ProductEdit),
  counts: z.object({ before: z.number(), after: z.number(), added: z.number(), removed: z.number(), priceChanged: z.number(), edited: z.number() }),
});
export type ProductsDiff = z.infer<typeof ProductsDiff>;

/** The chance of a prize from one game, before and after (null: the game does not award it then). */
export const OddsChange = z.object({ game: z.string(), before: z.number().nullable(), after: z.number().nullable() });
export type OddsChange = z.infer<typeof OddsChange>;

export const CampaignChange = RecordChange.extend({ odds: z.array(OddsChange) });
export type CampaignChange = z.infer<typeof CampaignChange>;

export const CampaignsDiff = z.object({ added: z.array(RecordRef), removed: z.array(RecordRef), changed: z.array(CampaignChange) });
export type CampaignsDiff = z.infer<typeof CampaignsDiff>;

export const MediaFile = z.object({ path: z.string(), sha256: z.string(), size: z.number() });
export type MediaFile = z.infer<typeof MediaFile>;

/** Media by file hash: a file with the same path and other bytes is replaced; the same bytes under a new path are renamed. */
export const MediaDiff = z.object({
  added: z.array(MediaFile),
  removed: z.array(MediaFile),
  replaced: z.array(z.object({ path: z.string(), before: MediaFile, after: MediaFile })),
  renamed: z.array(z.object({ from: z.string(), to: z.string(), sha256: z.string(), size: z.number() })),
  counts: z.object({ added: z.number(), removed: z.number(), replaced: z.number(), renamed: z.number() }),
});
export type MediaDiff = z.infer<typeof MediaDiff>;

/** A daypart as the schedule holds it; `key` is its name, or its days and hours when it has none. */
export const DaypartRow = z.object({
  key: z.string(),
  name: z.string().nullable(),
  days: z.array(z.number()),
  from: z.string(),
  to: z.string(),
  playlist: z.string(),
  games: z.array(z.string()),
});
export type DaypartRow = z.infer<typeof DaypartRow>;

export const ScheduleDiff = z.object({
  /** The playlist and games outside every daypart. */
  default: z.array(FieldChange),
  dayparts: z.object({ added: z.array(DaypartRow), removed: z.array(DaypartRow), changed: z.array(z.object({ key: z.string(), changes: z.array(FieldChange) })) }),
});
export type ScheduleDiff = z.infer<typeof ScheduleDiff>;

export const PackDiff = z.object({
  /** The pack itself: version, title, validity, the stores and kiosks it is for. */
  pack: z.array(FieldChange),
  products: ProductsDiff,
  campaigns: CampaignsDiff,
  promotions: RecordDiff,
  games: RecordDiff,
  playlists: RecordDiff,
  categories: RecordDiff,
  branding: z.array(FieldChange),
  media: MediaDiff,
  schedule: ScheduleDiff,
  /** The most entries a list holds (products, media); counts say how many there are. */
  listLimit: z.number(),
});
export type PackDiff = z.infer<typeof PackDiff>;

export const PackVersionRef = z.object({ packId: z.string(), version: z.string() });

/** The pack a diff starts from: an upload on the hub. */
export const DiffBase = PackVersionRef.extend({ uploadId: z.string(), title: LocalizedText });

/**
 * Why there is nothing to compare with: the store's kiosks report no pack yet, or run
 * one that was never uploaded to this hub (e.g. the demo pack the app ships with).
 */
export const NoBaseReason = z.enum(['nothing-live', 'not-on-hub', 'no-such-upload']);
export type NoBaseReason = z.infer<typeof NoBaseReason>;

export const PackDiffAnswer = z.object({
  target: PackVersionRef.extend({ uploadId: z.string(), title: LocalizedText }),
  /** What the store's kiosks run now, most kiosks first (from their heartbeats); empty when comparing with an upload. */
  live: z.array(PackVersionRef.extend({ kiosks: z.number() })),
  base: DiffBase.nullable(),
  noBase: NoBaseReason.nullable(),
  diff: PackDiff.nullable(),
});
export type PackDiffAnswer = z.infer<typeof PackDiffAnswer>;

export const packDiffRoute = route({
  method: 'GET',
  path: '/api/packs/:id/diff',
  auth: 'console',
  summary: "Compares an uploaded pack with the pack a store's kiosks run now (storeId), or with another upload (against).",
  params: z.object({ id: PackUploadId }),
  query: z.object({ storeId: StoreId.optional(), against: PackUploadId.optional() }).refine((q) => Boolean(q.storeId) !== Boolean(q.against), { message: 'name a store (storeId) or another upload (against), one of the two' }),
  responses: { 200: PackDiffAnswer, 400: ApiErrorBody, 404: ApiErrorBody },
});

/**
 * The virtual kiosk: the real kiosk renderer in browser mode showing an uploaded pack,
 * for signed-in console users only, at `/preview/<uploadId>/<locale>/`. It has no hub
 * and no collector: it reports nothing, enrols nowhere, and its coupons count nowhere.
 */
export const PREVIEW_PREFIX = '/preview/';
export const PREVIEW_LOCALES = LOCALES;

export function previewPath(uploadId: string, locale: Locale): string {
  return `${PREVIEW_PREFIX}${encodeURIComponent(uploadId)}/${locale}/`;
}
