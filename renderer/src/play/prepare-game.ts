// From the pack's game record to a game ready to create: colours as numbers, image
// paths as URLs, text in the shopper's language. Games never see the pack format.
import type { GameConfig, GameKind } from '../../../content/schema/game-config.ts';
import { localize, type Locale } from '../../../content/schema/localized.ts';
import { resolveMedia, type Orientation } from '../../../content/schema/media-variants.ts';
import { currentOrientation } from '../pack/screen-orientation.ts';
import { MINI_GAMES, type BaseGameSettings, type CatchSettings, type GameContext, type MiniGame, type MiniGameDefinition, type ScratchSettings, type WheelSettings } from '../../../games/index.ts';

export type GameSettings = { kind: 'catch'; settings: CatchSettings } | { kind: 'wheel'; settings: WheelSettings } | { kind: 'scratch'; settings: ScratchSettings };

export interface PreparedGame {
  kind: GameKind;
  /** The game asks for the prize itself (wheel, scratch card) instead of after its score. */
  decidesDuringPlay: boolean;
  /** Campaigns the game can show (the wheel's segments); undefined = any. */
  onlyCampaigns?: string[];
  create(ctx: Omit<GameContext, 'settings'>): MiniGame;
}

export interface GameLabels {
  spin: string;
  scratchHere: string;
}

export const colourNumber = (hex: string): number => parseInt(hex.slice(1), 16);

/** `orientation`: the screen's shape when the game starts (picks the background variant). */
export function gameSettingsFor(config: GameConfig, assetUrl: (path: string) => string, locale: Locale, labels: GameLabels, orientation: Orientation = currentOrientation()): GameSettings {
  const base: BaseGameSettings = {
    durationMs: config.durationSec * 1000,
    difficulty: config.difficulty,
    theme: {
      primary: colourNumber(config.theme.colours.primary),
      accent: colourNumber(config.theme.colours.accent),
      background: colourNumber(config.theme.colours.background),
      ...(config.theme.background ? { backgroundImage: assetUrl(resolveMedia(config.theme.background, { locale, orientation })) } : {}),
    },
  };
  switch (config.kind) {
    case 'catch':
      return { kind: 'catch', settings: { ...base, goodItems: config.goodItems.map(assetUrl), badItems: config.badItems.map(assetUrl), ...(config.basket ? { basket: assetUrl(config.basket) } : {}) } };
    case 'wheel':
      return { kind: 'wheel', settings: { ...base, segments: config.segments.map((s) => ({ label: localize(s.label, locale), colour: colourNumber(s.colour), prizeId: s.campaign ?? null })), spinLabel: labels.spin } };
    case 'scratch':
      return { kind: 'scratch', settings: { ...base, symbols: config.symbols.map(assetUrl), ...(config.cover ? { cover: assetUrl(config.cover) } : {}), coverLabel: labels.scratchHere } };
  }
}

/** The campaigns a game can show (the wheel's segments'); undefined = any campaign that names the game. */
export function onlyCampaignsOf(config: GameConfig): string[] | undefined {
  return config.kind === 'wheel' ? [...new Set(config.segments.flatMap((s) => (s.campaign ? [s.campaign] : [])))] : undefined;
}

export function prepareGame(config: GameConfig, assetUrl: (path: string) => string, locale: Locale, labels: GameLabels): PreparedGame {
  const mapped = gameSettingsFor(config, assetUrl, locale, labels);
  const definition = MINI_GAMES[mapped.kind] as MiniGameDefinition<BaseGameSettings>;
  const onlyCampaigns = onlyCampaignsOf(config);
  return {
    kind: mapped.kind,
    decidesDuringPlay: definition.decidesDuringPlay,
    ...(onlyCampaigns ? { onlyCampaigns } : {}),
    create: (ctx) => definition.create({ ...ctx, settings: mapped.settings }),
  };
}
