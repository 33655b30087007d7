// GET /v1/pack: the .kpack the hub assigns to the asking kiosk, for its update poller
// (strong ETag = the file's SHA-256, 304, resumable 206; 204 when nothing is assigned).
// GET /v1/pack-files/<sha256>/…: a published pack's checked, unpacked files, for kiosks
// in browser mode; the address holds the pack's SHA-256 and never changes content, so it
// is cached for good.
import { createHash } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { kioskPackRoute, packFilesRoute } from '../../../../content/schema/hub-api/pack.ts';
import { packBySha } from '../../../store/queries/packs.ts';
import { wasPublished } from '../../../store/queries/rollouts.ts';
import { addRoute } from '../../http/add-route.ts';
import { notFound } from '../../http/http-error.ts';
import type { HubContext } from '../../hub-context.ts';
import { assignmentFor } from '../../packs/kiosk-assignment.ts';
import { archiveFile, packFolder, unpackedDir } from '../../packs/pack-folder.ts';
import { sendFile } from '../../packs/send-file.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.sig': 'application/json; charset=utf-8',
};

/** A path inside a pack as the import wrote it: plain segments only. */
function packPath(raw: string): string[] | null {
  const segments = raw.split('/');
  const plain = segments.every((s) => s.length > 0 && s !== '.' && s !== '..' && !/[\\\0:]/.test(s));
  return plain ? segments : null;
}

export function registerKioskPack(app: FastifyInstance, hub: HubContext): void {
  addRoute(
    app,
    hub,
    kioskPackRoute,
    async ({ principal, request, reply }) => {
      if (principal.kind !== 'kiosk') throw new Error('pack download without a kiosk');
      const assignment = await assignmentFor(hub, principal);
      // Nothing assigned: the kiosk keeps the pack it has.
      if (!assignment) return reply.code(204).header('cache-control', 'no-store').send();
      const { pack } = assignment;
      return sendFile(request, reply, archiveFile(packFolder(hub), pack.sha256), {
        etag: pack.sha256,
        contentType: 'application/octet-stream',
        cacheControl: 'private, no-cache',
        downloadName: `${pack.packId}@${pack.version}.kpack`,
      });
    },
    { perMinute: 60 },
  );

  // Packs ever published (a rolled-back one too: a browser-mode kiosk shows it until its
  // shopper leaves). Remembered per process once seen: asked for every picture it shows.
  const published = new Set<string>();
  const isPublished = async (sha256: string): Promise<boolean> => {
    if (published.has(sha256)) return true;
    const pack = await packBySha(hub.store, sha256);
    if (!pack || !(await wasPublished(hub.store, pack.id))) return false;
    published.add(sha256);
    return true;
  };

  addRoute(app, hub, packFilesRoute, async ({ input, request, reply }) => {
    const { sha256 } = input.params;
    const segments = packPath(input.params['*']);
    if (!segments || !(await isPublished(sha256))) throw notFound('There is no such published pack file on this hub.');
    const root = unpackedDir(packFolder(hub), sha256);
    const file = path.join(root, ...segments);
    if (!file.startsWith(root + path.sep)) throw notFound('There is no such published pack file on this hub.');
    // The import writes plain files only; anything else is not served. (A deleted pack's files are gone.)
    const info = await lstat(file).catch(() => null);
    if (!info?.isFile()) throw notFound('There is no such published pack file on this hub.');
    // Pictures and data for a kiosk page, never a page of the hub's own: a file opened by
    // itself (an SVG, say) runs nothing on the hub's origin, where the console lives.
    reply.header('content-security-policy', "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox");
    return sendFile(request, reply, file, {
      // The file under this address never changes: any tag naming the address will do.
      etag: createHash('sha256').update(`${sha256}/${segments.join('/')}`).digest('hex'),
      contentType: CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      cacheControl: 'public, max-age=31536000, immutable',
    });
  });
}
