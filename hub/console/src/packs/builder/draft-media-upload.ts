// Sending one picture or video into a draft's media/ folder: the name a pack accepts, and
// the hub's answer as either the file kept (with warnings) or the reasons it was refused.
import { putDraftMediaRoute } from '../../../../../content/schema/hub-api/console/pack-drafts.ts';
import type { PackProblem } from '../../../../../content/schema/hub-api/console/packs.ts';
import { sendFile } from './send-file.ts';

/** The media folders a draft's files go into. */
export const MEDIA_FOLDERS = ['products', 'promotions', 'attract', 'games', 'brand'] as const;
export type MediaFolder = (typeof MEDIA_FOLDERS)[number];

/** A file name a pack accepts: lower-case letters, digits, dot, dash and underscore. */
export const safeMediaName = (name: string): string =>
  name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+/, '') || 'file';

/** Where an uploaded file goes: media/<folder>/<its name made safe>. */
export const mediaPathFor = (folder: MediaFolder, fileName: string): string => `media/${folder}/${safeMediaName(fileName)}`;

export type MediaUploadResult = { kept: true; path: string; warnings: PackProblem[] } | { kept: false; error: string; problems: PackProblem[] };

/** Uploads `file` to `path` in the draft; a refusal (422) resolves with its reasons, any other failure rejects (an ApiError). */
export async function uploadDraftMedia(input: { draftId: string; path: string; file: Blob; csrfToken: string | null }): Promise<MediaUploadResult> {
  const sent = await sendFile(putDraftMediaRoute, { params: { id: input.draftId, path: input.path }, file: input.file, csrfToken: input.csrfToken }, { refusals: [422] });
  if (sent.status === 422) {
    const refusal = sent.answer as { error: string; problems: PackProblem[] };
    return { kept: false, error: refusal.error, problems: refusal.problems };
  }
  const answer = sent.answer as { media: { path: string }; warnings: PackProblem[] };
  return { kept: true, path: answer.media.path, warnings: answer.warnings };
}
