import { z } from 'zod';
import { LocalizedText } from './localized.ts';
import { mediaSource } from './media-variants.ts';
import { HexColour, ImagePath, RecordId } from './primitives.ts';

export const GameTheme = z
  .object({
    background: mediaSource(ImagePath).optional(),
    icon: ImagePath.optional(),
    colours: z.object({ primary: HexColour, accent: HexColour, background: HexColour }).strict(),
  })
  .strict();

/** The longest a game may last; the kiosk's idle timeout relies on it. */
export const GAME_DURATION_MAX_SEC = 120;

const base = {
  id: RecordId,
  title: LocalizedText,
  /** How to play, in one sentence. */
  howTo: LocalizedText,
  durationSec: z.number().int().min(5).max(GAME_DURATION_MAX_SEC).default(30),
  difficulty: z.enum(['easy', 'normal', 'hard']).default('normal'),
  theme: GameTheme,
};

export const CatchGameConfig = z
  .object({
    ...base,
    kind: z.literal('catch'),
    goodItems: z.array(ImagePath).min(1, { message: 'add at least one image of something to catch' }).max(12),
    badItems: z.array(ImagePath).max(12).default([]),
    basket: ImagePath.optional(),
  })
  .strict();

export const WheelSegment = z
  .object({
    label: LocalizedText,
    colour: HexColour,
    /** The campaign this segment stands for; omitted = "try again". */
    campaign: RecordId.optional(),
  })
  .strict();

export const WheelGameConfig = z
  .object({ ...base, kind: z.literal('wheel'), segments: z.array(WheelSegment).min(4).max(12) })
  .strict()
  // The prize rules decide first; the wheel must have somewhere to land when nothing is won.
  .refine((c) => c.segments.some((s) => !s.campaign), {
    message: 'add at least one "try again" segment (one without a campaign): the wheel lands there when the shopper wins nothing',
    path: ['segments'],
  });

export const ScratchGameConfig = z
  .object({
    ...base,
    kind: z.literal('scratch'),
    cover: ImagePath.optional(),
    symbols: z.array(ImagePath).min(3, { message: 'a scratch card needs at least 3 symbol images' }).max(9),
  })
  .strict();

export const GameConfig = z.discriminatedUnion('kind', [CatchGameConfig, WheelGameConfig, ScratchGameConfig]);
export type GameConfig = z.infer<typeof GameConfig>;
export type GameKind = GameConfig['kind'];
