import type { Branding } from '../../schema/branding.ts';
import type { Campaign } from '../../schema/campaign.ts';
import type { GameConfig } from '../../schema/game-config.ts';
import type { Playlist } from '../../schema/playlist.ts';
import type { Category } from '../../schema/product.ts';
import type { Promotion } from '../../schema/promotion.ts';
import type { Schedule } from '../../schema/schedule.ts';
import type { Located } from '../report/problem.ts';

/** A pack's records (all but products) with where each came from; invalid records are left out. */
export interface LocatedData {
  schedule: Located<Schedule> | undefined;
  branding: Located<Branding> | undefined;
  categories: Located<Category>[];
  promotions: Located<Promotion>[];
  campaigns: Located<Campaign>[];
  games: Located<GameConfig>[];
  playlists: Located<Playlist>[];
}

export const emptyData = (): LocatedData => ({ schedule: undefined, branding: undefined, categories: [], promotions: [], campaigns: [], games: [], playlists: [] });
