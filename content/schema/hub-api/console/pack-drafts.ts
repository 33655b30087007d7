// Pack drafts: a merchandiser builds a content pack in the console, without the CLI.
// A draft starts from a starter pack or from a pack the hub keeps (the one live on a
// store); the merchandiser uploads a product sheet (CSV or Excel .xlsx) and pictures, and
// edits promotions, coupon campaigns, games, the attract playlists and the schedule in
// forms. Each form's body is the pack format's own schema (content/schema), so the
// console, the hub and the kiosk agree on every field. The hub then builds the pack with
// content/lib's builder, signs it with its own key and keeps it with the uploaded packs.
//
// A refused form answers 400 with every problem: the field's path and what to do, in
// Chinese and English. Uploads (the sheet, a picture) are the raw file
// (application/octet-stream), streamed to disk.
import { z } from 'zod';
import { Branding } from '../../branding.ts';
import { Campaign } from '../../campaign.ts';
import { GameConfig } from '../../game-config.ts';
import { Manifest } from '../../manifest.ts';
import { Playlist } from '../../playlist.ts';
import { Category, Product } from '../../product.ts';
import { Promotion } from '../../promotion.ts';
import { Schedule } from '../../schedule.ts';
import { ApiErrorBody } from '../errors.ts';
import { route } from '../route.ts';
import { BilingualText, PackCheckFailure, PackProblem, PackRow } from './packs.ts';

/** The largest product sheet the hub reads (a 100,000-product .xlsx is about 10 MB). */
export const MAX_SHEET_UPLOAD_BYTES = 100 * 1024 ** 2;
/** The largest picture or video uploaded into a draft (the pack's own limits are checked after). */
export const MAX_MEDIA_UPLOAD_BYTES = 300 * 1000 ** 2;
/** At most this many problems of a sheet are listed in the answer; all of them are in the refused-rows CSV. */
export const MAX_LISTED_SHEET_PROBLEMS = 500;

/** A draft's id. */
export const DraftId = z.string().regex(/^[a-z0-9-]{8,64}$/);

/** Where a draft starts: a starter pack, a pack the hub keeps (by its id), or the pack live on a store. */
export const DraftStart = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('starter'), starter: z.enum(['starter', 'demo']) }),
  z.strictObject({ from: z.literal('pack'), packId: z.string().min(1).max(64) }),
  z.strictObject({ from: z.literal('store'), storeId: z.string().min(1).max(64) }),
]);
export type DraftStart = z.infer<typeof DraftStart>;

export const DraftRow = z.object({
  id: DraftId,
  /** The merchandiser's name for the draft. */
  name: z.string(),
  /** The pack it builds: id, version, title (from its pack settings). */
  packId: z.string(),
  version: z.string(),
  title: BilingualText,
  /** What it started from, in words (e.g. "starter", "freshpick-demo 1.0.0", "store sh-001: spring 1.4.0"). */
  startedFrom: z.string(),
  productCount: z.number(),
  createdAt: z.number(),
  createdBy: z.string(),
  updatedAt: z.number(),
  updatedBy: z.string(),
  /** The last build: the hub's id of the pack it made. */
  lastBuild: z.object({ packId: z.string(), version: z.string(), at: z.number() }).nullable(),
});
export type DraftRow = z.infer<typeof DraftRow>;

/** A picture or video in the draft's media/. */
export const DraftMediaRow = z.object({ path: z.string(), bytes: z.number() });
export type DraftMediaRow = z.infer<typeof DraftMediaRow>;

/** The pack settings form: what pack.json says besides the schedule. */
export const DraftPackSettings = Manifest.pick({ packId: true, version: true, title: true, validFrom: true, validTo: true, targets: true });
export type DraftPackSettings = z.infer<typeof DraftPackSettings>;

/** The whole draft, as the forms show it. */
export const DraftDetail = z.object({
  draft: DraftRow,
  pack: DraftPackSettings,
  schedule: Schedule,
  branding: Branding.nullable(),
  categories: z.array(Category),
  promotions: z.array(Promotion),
  campaigns: z.array(Campaign),
  games: z.array(GameConfig),
  playlists: z.array(Playlist),
  media: z.array(DraftMediaRow),
});
export type DraftDetail = z.infer<typeof DraftDetail>;

/** One thing to fix in a form: the field (`campaigns[2].awards[1].odds`, lists counted from 1) and what to do. */
export const FieldProblem = z.object({
  field: z.string(),
  /** The same place as a path (lists counted from 0), for putting the message beside its input. */
  path: z.array(z.union([z.string(), z.number()])),
  message: BilingualText,
  fix: BilingualText,
});
export type FieldProblem = z.infer<typeof FieldProblem>;

/** A form the hub refused: nothing was saved. `error` is the first problem in English. */
export const DraftInputError = ApiErrorBody.extend({ problems: z.array(FieldProblem) });
export type DraftInputError = z.infer<typeof DraftInputError>;

export const SheetImportAnswer = z.object({
  format: z.enum(['csv', 'xlsx']),
  /** Good rows taken into the draft. */
  imported: z.number(),
  /** Rows left out; they are in the refused-rows CSV. */
  refused: z.number(),
  /** Products in the draft now. */
  productCount: z.number(),
  /** Each problem with its row (as the spreadsheet numbers it) and the column's header. */
  problems: z.array(PackProblem),
  /** Problems not listed (more than MAX_LISTED_SHEET_PROBLEMS); the refused-rows CSV has every refused row. */
  unlisted: z.number(),
  draft: DraftRow,
});
export type SheetImportAnswer = z.infer<typeof SheetImportAnswer>;

/** A product as the draft keeps it (data/products.json): codes as the sheet wrote them. */
export const DraftProduct = z.looseObject({ gtin: z.string() });

const idParams = z.object({ id: DraftId });
/** A product by its barcode as written or as its 14-digit key. */
const productParams = z.object({ id: DraftId, code: z.string().regex(/^\d{8,14}$/) });
/** A media file by its path in the pack, e.g. media/products/apple.png (URL-encoded in the path). */
const mediaParams = z.object({ id: DraftId, path: z.string().min(7).max(200) });
const consoleErrors = { 400: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody } as const;

export const draftsRoute = route({
  method: 'GET',
  path: '/api/pack-drafts',
  auth: 'console',
  summary: 'The pack drafts, last changed first (admins and merchandisers).',
  responses: { 200: z.object({ drafts: z.array(DraftRow) }), 403: ApiErrorBody },
});

export const createDraftRoute = route({
  method: 'POST',
  path: '/api/pack-drafts',
  auth: 'console',
  summary: 'Starts a draft from a starter pack, a kept pack or the pack live on a store.',
  body: z.strictObject({ name: z.string().min(1).max(80), start: DraftStart }),
  responses: { 200: DraftRow, ...consoleErrors, 422: ApiErrorBody },
});

export const draftRoute = route({
  method: 'GET',
  path: '/api/pack-drafts/:id',
  auth: 'console',
  summary: 'A draft with everything its forms show.',
  params: idParams,
  responses: { 200: DraftDetail, ...consoleErrors },
});

export const deleteDraftRoute = route({
  method: 'DELETE',
  path: '/api/pack-drafts/:id',
  auth: 'console',
  summary: 'Deletes a draft and its files (packs built from it stay).',
  params: idParams,
  responses: { 200: z.object({ ok: z.literal(true) }), ...consoleErrors },
});

const formRoute = <B extends z.ZodType>(part: string, body: B, summary: string) =>
  route({
    method: 'PUT',
    path: `/api/pack-drafts/:id/${part}`,
    auth: 'console',
    summary,
    params: idParams,
    body,
    responses: { 200: DraftRow, 400: DraftInputError, 403: ApiErrorBody, 404: ApiErrorBody },
  });

export const putDraftPackRoute = formRoute('pack', DraftPackSettings, "The pack's id, version, title, validity and target stores and kiosks.");
export const putDraftScheduleRoute = formRoute('schedule', Schedule, 'What plays when: the default attract playlist and games, and the dayparts.');
export const putDraftBrandingRoute = formRoute('branding', Branding, "The store's name, logo, colours and call to action.");
export const putDraftCategoriesRoute = formRoute('categories', z.array(Category), 'The product categories.');
export const putDraftPromotionsRoute = formRoute('promotions', z.array(Promotion), 'The promotions.');
export const putDraftCampaignsRoute = formRoute('campaigns', z.array(Campaign), 'The coupon campaigns: rewards, odds, caps (per day, per kiosk, per shopper visit, cooldown) and validity.');
export const putDraftGamesRoute = formRoute('games', z.array(GameConfig), 'The games and their settings.');
export const putDraftPlaylistsRoute = formRoute('playlists', z.array(Playlist), 'The attract playlists.');

export const draftProductsRoute = route({
  method: 'GET',
  path: '/api/pack-drafts/:id/products',
  auth: 'console',
  summary: "A page of the draft's products; `q` finds a barcode or a name.",
  params: idParams,
  query: z.object({ q: z.string().max(80).optional(), offset: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(500).default(100) }),
  responses: { 200: z.object({ total: z.number(), products: z.array(DraftProduct) }), ...consoleErrors },
});

export const putDraftProductRoute = route({
  method: 'PUT',
  path: '/api/pack-drafts/:id/products/:code',
  auth: 'console',
  summary: 'Adds or changes one product (its price, name, pictures…). The barcode may be written as on the package (EAN-13, UPC-A, GTIN-14).',
  params: productParams,
  body: Product,
  responses: { 200: DraftRow, 400: DraftInputError, 403: ApiErrorBody, 404: ApiErrorBody },
});

export const deleteDraftProductRoute = route({
  method: 'DELETE',
  path: '/api/pack-drafts/:id/products/:code',
  auth: 'console',
  summary: 'Removes one product.',
  params: productParams,
  responses: { 200: DraftRow, ...consoleErrors },
});

export const importDraftSheetRoute = route({
  method: 'POST',
  path: '/api/pack-drafts/:id/products/sheet',
  auth: 'console',
  summary:
    'A product sheet (CSV or .xlsx, the raw file): good rows are imported, refused rows listed and kept for the refused-rows CSV. `merge` updates products by barcode in the fields the sheet has columns for (an empty cell clears its field; pictures, stories… of columns the sheet lacks are kept) and adds new ones — for a price list or a fixed refused-rows file; `replace` makes the sheet the whole catalogue.',
  params: idParams,
  query: z.object({ name: z.string().min(1).max(200), mode: z.enum(['merge', 'replace']).default('merge') }),
  rawBody: 'application/octet-stream',
  responses: { 200: SheetImportAnswer, ...consoleErrors, 413: ApiErrorBody, 422: ApiErrorBody },
});

export const draftRefusedRowsRoute = route({
  method: 'GET',
  path: '/api/pack-drafts/:id/products/refused.csv',
  auth: 'console',
  summary: "The last sheet's refused rows as CSV (UTF-8 with BOM): the rows as they were plus a reason column, to fix and upload again.",
  params: idParams,
  responses: { 200: z.string(), ...consoleErrors },
});

export const putDraftMediaRoute = route({
  method: 'PUT',
  path: '/api/pack-drafts/:id/media/:path',
  auth: 'console',
  summary: 'Adds or replaces a picture or video (the raw file) at a path under media/; checked as `kiosk-pack validate` checks it, and refused with the reasons when it would not pass.',
  params: mediaParams,
  rawBody: 'application/octet-stream',
  responses: { 200: z.object({ media: DraftMediaRow, warnings: z.array(PackProblem) }), ...consoleErrors, 413: ApiErrorBody, 422: z.object({ error: z.string(), code: z.string(), problems: z.array(PackProblem) }) },
});

export const deleteDraftMediaRoute = route({
  method: 'DELETE',
  path: '/api/pack-drafts/:id/media/:path',
  auth: 'console',
  summary: 'Removes a picture or video.',
  params: mediaParams,
  responses: { 200: z.object({ ok: z.literal(true) }), ...consoleErrors },
});

export const draftMediaFileRoute = route({
  method: 'GET',
  path: '/api/pack-drafts/:id/media/:path',
  auth: 'console',
  summary: 'A picture or video of the draft, for the forms to show.',
  params: mediaParams,
  responses: { 200: z.instanceof(Uint8Array), ...consoleErrors },
});

export const checkDraftRoute = route({
  method: 'POST',
  path: '/api/pack-drafts/:id/check',
  auth: 'console',
  summary: 'Checks the draft as `kiosk-pack validate` does: every problem, with file, row and field.',
  params: idParams,
  responses: { 200: z.object({ ok: z.boolean(), problems: z.array(PackProblem) }), ...consoleErrors },
});

export const buildDraftRoute = route({
  method: 'POST',
  path: '/api/pack-drafts/:id/build',
  auth: 'console',
  summary: "Builds the draft into a .kpack signed with the hub's key and keeps it with the uploaded packs; the draft's version then moves on.",
  params: idParams,
  responses: { 200: z.object({ ok: z.literal(true), pack: PackRow, draft: DraftRow }), ...consoleErrors, 409: ApiErrorBody, 422: PackCheckFailure, 503: ApiErrorBody },
});

/** The pack-draft routes, for CONSOLE_API. */
export const PACK_DRAFT_ROUTES = {
  packDrafts: draftsRoute,
  createPackDraft: createDraftRoute,
  packDraft: draftRoute,
  deletePackDraft: deleteDraftRoute,
  putDraftPack: putDraftPackRoute,
  putDraftSchedule: putDraftScheduleRoute,
  putDraftBranding: putDraftBrandingRoute,
  putDraftCategories: putDraftCategoriesRoute,
  putDraftPromotions: putDraftPromotionsRoute,
  putDraftCampaigns: putDraftCampaignsRoute,
  putDraftGames: putDraftGamesRoute,
  putDraftPlaylists: putDraftPlaylistsRoute,
  draftProducts: draftProductsRoute,
  putDraftProduct: putDraftProductRoute,
  deleteDraftProduct: deleteDraftProductRoute,
  importDraftSheet: importDraftSheetRoute,
  draftRefusedRows: draftRefusedRowsRoute,
  putDraftMedia: putDraftMediaRoute,
  deleteDraftMedia: deleteDraftMediaRoute,
  draftMediaFile: draftMediaFileRoute,
  checkPackDraft: checkDraftRoute,
  buildPackDraft: buildDraftRoute,
} as const;
