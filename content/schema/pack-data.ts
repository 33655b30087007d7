import { z } from 'zod';
import { Branding } from './branding.ts';
import { Campaign } from './campaign.ts';
import { GameConfig } from './game-config.ts';
import { Playlist } from './playlist.ts';
import { Category } from './product.ts';
import { Promotion } from './promotion.ts';
import type { DATA_FILES } from './layout.ts';

/**
 * The shape of each file in `data/` of a built pack (DATA_FILES names the paths):
 * branding is one object, every other file is a list of records.
 */
export const DATA_FILE_SCHEMAS = {
  branding: Branding,
  categories: z.array(Category),
  promotions: z.array(Promotion),
  campaigns: z.array(Campaign),
  games: z.array(GameConfig),
  playlists: z.array(Playlist),
} as const satisfies Record<keyof typeof DATA_FILES, z.ZodType>;

export type DataFileName = keyof typeof DATA_FILE_SCHEMAS;

/** Everything in `data/`, parsed. */
export type PackData = { [K in DataFileName]: z.infer<(typeof DATA_FILE_SCHEMAS)[K]> };
