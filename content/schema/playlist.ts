import { z } from 'zod';
import { LocalizedText } from './localized.ts';
import { mediaSource } from './media-variants.ts';
import { ImagePath, RecordId, VideoPath } from './primitives.ts';

export const PlaylistItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('image'), src: mediaSource(ImagePath), durationMs: z.number().int().min(1000).max(120_000).default(6000), caption: LocalizedText.optional() }).strict(),
  z.object({ kind: z.literal('video'), src: mediaSource(VideoPath), durationMs: z.number().int().min(1000).max(600_000).optional(), caption: LocalizedText.optional() }).strict(),
]);
export type PlaylistItem = z.infer<typeof PlaylistItem>;

/** The attract loop: what the screen shows while nobody is using it. */
export const Playlist = z.object({ id: RecordId, items: z.array(PlaylistItem).min(1, { message: 'a playlist needs at least one image or video' }) }).strict();
export type Playlist = z.infer<typeof Playlist>;
