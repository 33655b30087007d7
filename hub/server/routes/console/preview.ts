// The virtual kiosk: the real kiosk renderer (the built dist/renderer, browser mode)
// showing an uploaded pack, at /preview/<upload>/<locale>/ for signed-in admins and
// merchandisers only — no pack is visible to the public. The renderer's own code is at
// /assets/ (it is built with absolute asset paths), behind the same sign-in. The page
// carries the kiosk's CSP, may be framed by the console only, and its settings name no
// hub and no collector: it reports nothing, enrols nowhere, its coupons count nowhere.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contentTypeOf } from '../../../../content/lib/files/content-types.ts';
import type { Role } from '../../../../content/schema/hub-api/console/auth.ts';
import { PREVIEW_LOCALES, previewPath } from '../../../../content/schema/hub-api/console/pack-diff.ts';
import { PackUploadId } from '../../../../content/schema/hub-api/console/packs.ts';
import { route } from '../../../../content/schema/hub-api/route.ts';
import type { Locale } from '../../../../content/schema/localized.ts';
import { authenticate } from '../../auth/authenticate.ts';
import { notFound } from '../../http/http-error.ts';
import type { HubContext } from '../../hub-context.ts';
import { sendFile } from '../../packs/send-file.ts';
import { previewConfig } from '../../preview/preview-config.ts';
import { previewCsp } from '../../preview/preview-csp.ts';
import { ensureRendererBuilt, fileInside, previewPack, rendererDir } from '../../preview/preview-files.ts';

/** Who may open the virtual kiosk: the people who work on packs. */
const PREVIEWERS: readonly Role[] = ['admin', 'merchandiser'];

/** The sign-in every preview file asks for: a console session (a cookie; the iframe sends it). */
const previewAuth = route({ method: 'GET', path: '/preview/*', auth: 'console', summary: 'The virtual kiosk’s files.', responses: {} });

interface PreviewParams {
  uploadId: string;
  locale: string;
  '*'?: string;
}

function readParams(params: PreviewParams): { uploadId: string; locale: Locale } {
  if (!PackUploadId.safeParse(params.uploadId).success) throw notFound('No uploaded pack has this id.');
  const locale = PREVIEW_LOCALES.find((l) => l === params.locale);
  if (!locale) throw notFound(`The preview speaks ${PREVIEW_LOCALES.join(' and ')}.`);
  return { uploadId: params.uploadId, locale };
}

/** A weak-enough validator for files that never change in place (built code, a checked pack). */
async function fileTag(file: string): Promise<string> {
  const info = await stat(file);
  return `${Math.trunc(info.mtimeMs).toString(36)}-${info.size.toString(36)}`;
}

async function sendFrom(request: FastifyRequest, reply: FastifyReply, root: string, relative: string, cacheControl: string): Promise<FastifyReply> {
  const file = await fileInside(root, relative);
  if (!file) throw notFound('The virtual kiosk has no such file.');
  return sendFile(request, reply, file, { etag: await fileTag(file), contentType: contentTypeOf(file), cacheControl });
}

export async function registerPreview(app: FastifyInstance, hub: HubContext, options: { rendererDir?: string } = {}): Promise<void> {
  const renderer = options.rendererDir ?? rendererDir();
  const csp = previewCsp();

  await app.register(async (scope) => {
    scope.addHook('onRequest', async (request) => {
      await authenticate(hub, previewAuth, request, PREVIEWERS);
    });
    // After the hub's own headers (which forbid framing): the console may frame the kiosk.
    scope.addHook('onSend', async (_request, reply, payload) => {
      reply.header('x-frame-options', 'SAMEORIGIN');
      if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) reply.header('content-security-policy', csp);
      return payload;
    });

    scope.get<{ Params: PreviewParams }>('/preview/:uploadId/:locale', async (request, reply) => {
      const { uploadId, locale } = readParams(request.params);
      return reply.redirect(previewPath(uploadId, locale));
    });

    scope.get<{ Params: PreviewParams }>('/preview/:uploadId/:locale/', async (request, reply) => {
      const { uploadId } = readParams(request.params);
      await previewPack(hub, uploadId);
      await ensureRendererBuilt(renderer);
      const html = await readFile(path.join(renderer, 'index.html'), 'utf8');
      return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
    });

    scope.get<{ Params: PreviewParams }>('/preview/:uploadId/:locale/kiosk-config.json', async (request, reply) => {
      const { uploadId, locale } = readParams(request.params);
      await previewPack(hub, uploadId);
      return reply.header('cache-control', 'no-store').send(previewConfig(locale));
    });

    scope.get<{ Params: PreviewParams }>('/preview/:uploadId/:locale/pack/*', async (request, reply) => {
      const { uploadId } = readParams(request.params);
      const { dir } = await previewPack(hub, uploadId);
      return sendFrom(request, reply, dir, request.params['*'] ?? '', 'private, no-cache');
    });

    // The renderer's other files beside its page (the hand model, its licences).
    scope.get<{ Params: PreviewParams }>('/preview/:uploadId/:locale/*', async (request, reply) => {
      const { uploadId } = readParams(request.params);
      await previewPack(hub, uploadId);
      return sendFrom(request, reply, renderer, request.params['*'] ?? '', 'private, no-cache');
    });

    // The renderer's code: hashed file names, so kept as long as the browser likes.
    scope.get<{ Params: { '*'?: string } }>('/assets/*', async (request, reply) => {
      return sendFrom(request, reply, path.join(renderer, 'assets'), request.params['*'] ?? '', 'private, max-age=31536000, immutable');
    });
  });
}
