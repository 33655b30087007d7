// Pack drafts in the console (admins and merchandisers): start a draft, upload a product
// sheet and pictures, edit the forms, check, build and sign with the hub's key. Every
// change is in the audit log. Form bodies are read with the pack format's own schemas
// and refused with every field at fault, in Chinese and English.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Role } from '../../../../content/schema/hub-api/console/auth.ts';
import {
  buildDraftRoute,
  checkDraftRoute,
  createDraftRoute,
  deleteDraftMediaRoute,
  deleteDraftProductRoute,
  deleteDraftRoute,
  draftMediaFileRoute,
  draftProductsRoute,
  draftRefusedRowsRoute,
  draftRoute,
  draftsRoute,
  importDraftSheetRoute,
  putDraftBrandingRoute,
  putDraftCampaignsRoute,
  putDraftCategoriesRoute,
  putDraftGamesRoute,
  putDraftMediaRoute,
  putDraftPackRoute,
  putDraftPlaylistsRoute,
  putDraftProductRoute,
  putDraftPromotionsRoute,
  putDraftScheduleRoute,
} from '../../../../content/schema/hub-api/console/pack-drafts.ts';
import type { HubRoute } from '../../../../content/schema/hub-api/route.ts';
import { Product } from '../../../../content/schema/product.ts';
import { padProductGtins } from '../../../../content/lib/source/gtin-input.ts';
import { audit } from '../../../store/queries/audit.ts';
import { listDrafts, touchDraft } from '../../../store/queries/pack-drafts.ts';
import { publishedPacks } from '../../../store/queries/rollouts.ts';
import { addRoute, type RouteCall } from '../../http/add-route.ts';
import { notFound } from '../../http/http-error.ts';
import type { HubContext } from '../../hub-context.ts';
import { problemRow } from '../../packs/check-report.ts';
import { packRow } from '../../packs/fleet-packs.ts';
import { PackRefused } from '../../packs/keep-pack.ts';
import { draftFolder } from '../../pack-builder/draft-folder.ts';
import { buildDraft, checkDraft } from '../../pack-builder/draft-build.ts';
import { MediaRefused, mediaFile, putMedia, removeMedia } from '../../pack-builder/draft-media.ts';
import { findProducts, productKey, putProduct, readProducts, removeProduct, writeProducts } from '../../pack-builder/draft-products.ts';
import { importSheet } from '../../pack-builder/draft-sheet.ts';
import { createDraft, draftDetail, existingDraft, moveVersionOn, removeDraft, saveForm, toDraftRow, withDraft, type DraftForm } from '../../pack-builder/drafts.ts';
import { FormRefused, parseForm } from '../../pack-builder/field-problems.ts';
import { declaredLength } from '../../pack-builder/receive-upload.ts';
import { actorOf } from './users.ts';

const ROLES: readonly Role[] = ['admin', 'merchandiser'];
const FORM_BYTES = 4 * 1024 ** 2;

/** A route whose JSON body the handler reads itself (to refuse it with every problem, in both languages). */
const bodyReadByHandler = <T extends HubRoute>(r: T) => ({ ...r, body: undefined });

/** Answers 400 with the problems of a refused form. */
async function orRefused<T>(reply: RouteCall<HubRoute>['reply'], work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof FormRefused)) throw error;
    reply.code(400);
    return error.answer as never;
  }
}

const FORMS = [
  ['pack', putDraftPackRoute],
  ['schedule', putDraftScheduleRoute],
  ['branding', putDraftBrandingRoute],
  ['categories', putDraftCategoriesRoute],
  ['promotions', putDraftPromotionsRoute],
  ['campaigns', putDraftCampaignsRoute],
  ['games', putDraftGamesRoute],
  ['playlists', putDraftPlaylistsRoute],
] as const satisfies readonly (readonly [DraftForm, HubRoute])[];

export function registerPackDrafts(app: FastifyInstance, hub: HubContext): void {
  const touch = (id: string, actor: string, change: Parameters<typeof touchDraft>[2] extends infer C ? Omit<C & object, 'at' | 'by'> : never = {}) =>
    touchDraft(hub.store, id, { ...change, at: hub.clock.now(), by: actor }).then((r) => r!);
  const log = (actor: string, action: string, id: string, detail: Record<string, unknown> = {}) => audit(hub.store, { at: hub.clock.now(), actor, action, target: id, detail });

  addRoute(app, hub, draftsRoute, async () => ({ drafts: (await listDrafts(hub.store)).map(toDraftRow) }), { roles: ROLES });

  addRoute(
    app,
    hub,
    bodyReadByHandler(createDraftRoute),
    async ({ request, principal, reply }) =>
      orRefused(reply, async () => {
        const body = parseForm(createDraftRoute.body!, request.body);
        const actor = actorOf(principal);
        const draft = await createDraft(hub, { name: body.name, start: body.start, actor });
        await log(actor, 'pack-draft.created', draft.id, { name: draft.name, startedFrom: draft.startedFrom, packId: draft.packId, version: draft.version });
        return toDraftRow(draft);
      }),
    { roles: ROLES, bodyLimit: 8192 },
  );

  addRoute(app, hub, draftRoute, async ({ input }) => draftDetail(hub, input.params.id), { roles: ROLES });

  addRoute(
    app,
    hub,
    deleteDraftRoute,
    async ({ input, principal }) => {
      await removeDraft(hub, input.params.id);
      await log(actorOf(principal), 'pack-draft.deleted', input.params.id);
      return { ok: true as const };
    },
    { roles: ROLES },
  );

  for (const [form, declared] of FORMS) {
    const schema: z.ZodType = declared.body!;
    addRoute(
      app,
      hub,
      bodyReadByHandler(declared),
      async ({ input, request, principal, reply }) =>
        orRefused(reply, async () => {
          const id = (input.params as { id: string }).id;
          // Fields are named from the file the form writes: `campaigns[2].awards[1].odds`, `schedule.dayparts[1].from`.
          const value: unknown = parseForm(schema, request.body, form === 'pack' ? [] : [form]);
          const actor = actorOf(principal);
          const draft = await saveForm(hub, id, form, value, actor);
          await log(actor, 'pack-draft.changed', id, { form, ...(Array.isArray(value) ? { records: value.length } : {}) });
          return toDraftRow(draft);
        }) as never,
      { roles: ROLES, bodyLimit: FORM_BYTES },
    );
  }

  addRoute(
    app,
    hub,
    draftProductsRoute,
    async ({ input }) => {
      const { folder } = await existingDraft(hub, input.params.id);
      return findProducts(await readProducts(folder), input.query.q, input.query.offset, input.query.limit);
    },
    { roles: ROLES },
  );

  addRoute(
    app,
    hub,
    bodyReadByHandler(putDraftProductRoute),
    async ({ input, request, principal, reply }) =>
      orRefused(reply, async () => {
        const { id, code } = input.params;
        const written = request.body as Record<string, unknown>;
        // Barcodes as written (EAN-13, UPC-A…) are checked as the 14-digit keys they stand for.
        const product = parseForm(Product, padProductGtins(written));
        if (product.gtin !== productKey(code)) throw new FormRefused([{ field: 'gtin', path: ['gtin'], message: { zh: `条码与要修改的商品 ${code} 不一致`, en: `the barcode is not the one of the product being changed (${code})` }, fix: { zh: '条码不能在这里修改：删除这个商品，再添加新条码的商品', en: 'a barcode cannot be changed here: remove the product and add one with the new barcode' } }]);
        const actor = actorOf(principal);
        const draft = await withDraft(id, async () => {
          const { folder } = await existingDraft(hub, id);
          const products = putProduct(await readProducts(folder), code, { ...product, gtin: written.gtin, related: written.related ?? product.related });
          await writeProducts(folder, products);
          return touch(id, actor, { productCount: products.length });
        });
        await log(actor, 'pack-draft.product-changed', id, { code, price: product.price, ...(product.promoPrice !== undefined ? { promoPrice: product.promoPrice } : {}) });
        return toDraftRow(draft);
      }),
    { roles: ROLES, bodyLimit: 256 * 1024 },
  );

  addRoute(
    app,
    hub,
    deleteDraftProductRoute,
    async ({ input, principal }) => {
      const { id, code } = input.params;
      const actor = actorOf(principal);
      const draft = await withDraft(id, async () => {
        const { folder } = await existingDraft(hub, id);
        const left = removeProduct(await readProducts(folder), code);
        if (!left) throw notFound(`The draft has no product ${code}.`);
        await writeProducts(folder, left);
        return touch(id, actor, { productCount: left.length });
      });
      await log(actor, 'pack-draft.product-removed', id, { code });
      return toDraftRow(draft);
    },
    { roles: ROLES },
  );

  addRoute(
    app,
    hub,
    importDraftSheetRoute,
    async ({ input, principal, request, bodyStream }) => {
      const { id } = input.params;
      const actor = actorOf(principal);
      const { result, draft } = await withDraft(id, async () => {
        const { folder } = await existingDraft(hub, id);
        const result = await importSheet(folder, bodyStream!, { name: input.query.name, mode: input.query.mode, declaredBytes: declaredLength(request.headers['content-length']) });
        return { result, draft: await touch(id, actor, { productCount: result.productCount }) };
      });
      await log(actor, 'pack-draft.products-imported', id, { file: input.query.name, format: result.format, mode: input.query.mode, imported: result.imported, refused: result.refused, products: result.productCount });
      return { ...result, draft: toDraftRow(draft) };
    },
    { roles: ROLES },
  );

  addRoute(
    app,
    hub,
    draftRefusedRowsRoute,
    async ({ input, reply }) => {
      const { folder } = await existingDraft(hub, input.params.id);
      const info = await stat(folder.refusedCsv).catch(() => null);
      if (!info) throw notFound('The last product sheet had no refused rows.');
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="refused-rows.csv"; filename*=UTF-8''${encodeURIComponent('退回的商品行.csv')}`).header('cache-control', 'no-store');
      return reply.send(createReadStream(folder.refusedCsv)) as never;
    },
    { roles: ROLES },
  );

  addRoute(
    app,
    hub,
    putDraftMediaRoute,
    async ({ input, principal, request, reply, bodyStream }) => {
      const { id, path: mediaPath } = input.params;
      const actor = actorOf(principal);
      try {
        const saved = await withDraft(id, async () => {
          const { folder } = await existingDraft(hub, id);
          const saved = await putMedia(folder, mediaPath, bodyStream!, declaredLength(request.headers['content-length']));
          await touch(id, actor);
          return saved;
        });
        await log(actor, 'pack-draft.media-added', id, { path: mediaPath, bytes: saved.media.bytes });
        return saved;
      } catch (error) {
        if (!(error instanceof MediaRefused)) throw error;
        // The body may not have been read (a name refused at once): the connection cannot carry another request.
        reply.code(422).header('connection', 'close');
        return { error: error.message, code: 'media-refused', problems: error.problems } as never;
      }
    },
    { roles: ROLES },
  );

  addRoute(
    app,
    hub,
    deleteDraftMediaRoute,
    async ({ input, principal, reply }) => {
      const { id, path: mediaPath } = input.params;
      const actor = actorOf(principal);
      try {
        const removed = await withDraft(id, async () => {
          const { folder } = await existingDraft(hub, id);
          const gone = await removeMedia(folder, mediaPath);
          if (gone) await touch(id, actor);
          return gone;
        });
        if (!removed) throw notFound(`The draft has no ${mediaPath}.`);
      } catch (error) {
        if (!(error instanceof MediaRefused)) throw error;
        reply.code(400);
        return { error: error.message, code: 'bad-request' } as never;
      }
      await log(actor, 'pack-draft.media-removed', id, { path: mediaPath });
      return { ok: true as const };
    },
    { roles: ROLES },
  );

  addRoute(
    app,
    hub,
    draftMediaFileRoute,
    async ({ input, reply }) => {
      await existingDraft(hub, input.params.id);
      let found;
      try {
        found = await mediaFile(draftFolder(hub, input.params.id), input.params.path);
      } catch (error) {
        if (error instanceof MediaRefused) throw notFound(`The draft has no ${input.params.path}.`);
        throw error;
      }
      const type = /\.svg$/i.test(found.file) ? 'image/svg+xml' : /\.png$/i.test(found.file) ? 'image/png' : /\.jpe?g$/i.test(found.file) ? 'image/jpeg' : /\.webp$/i.test(found.file) ? 'image/webp' : /\.mp4$/i.test(found.file) ? 'video/mp4' : 'video/webm';
      // An SVG is shown as a picture, never run as a page of the hub.
      reply.header('content-type', type).header('content-length', String(found.bytes)).header('cache-control', 'private, no-cache').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      return reply.send(createReadStream(found.file)) as never;
    },
    { roles: ROLES },
  );

  addRoute(
    app,
    hub,
    checkDraftRoute,
    async ({ input }) => {
      const { folder } = await existingDraft(hub, input.params.id);
      const checked = await checkDraft(hub, folder);
      return { ok: checked.ok, problems: checked.problems.map(problemRow) };
    },
    { roles: ROLES },
  );

  addRoute(
    app,
    hub,
    buildDraftRoute,
    async ({ input, principal, reply }) => {
      const { id } = input.params;
      const actor = actorOf(principal);
      try {
        const { kept, draft } = await withDraft(id, async () => {
          const { record, folder } = await existingDraft(hub, id);
          const kept = await buildDraft(hub, folder, actor);
          // The next build of this draft is a new version.
          const version = await moveVersionOn(folder, record.version);
          const draft = await touch(id, actor, { version, lastBuild: { packId: kept.pack.id, version: kept.pack.version, at: hub.clock.now() } });
          return { kept, draft };
        });
        await log(actor, 'pack-draft.built', id, { pack: kept.pack.id, packId: kept.pack.packId, version: kept.pack.version, sha256: kept.pack.sha256, signedBy: kept.pack.signedBy });
        return { ok: true as const, pack: packRow(kept.pack, await publishedPacks(hub.store)), draft: toDraftRow(draft) };
      } catch (error) {
        if (!(error instanceof PackRefused)) throw error;
        reply.code(422);
        return error.failure as never;
      }
    },
    { roles: ROLES },
  );
}
