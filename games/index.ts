// The games the kiosk can run, by the kind named in the pack, and the shared pieces a
// host needs to run one: the pointer stream and sound.
import type { MiniGameDefinition } from './contract.ts';
import { catchGame } from './catch/index.ts';
import { scratchGame } from './scratch/index.ts';
import { wheelGame } from './wheel/index.ts';

export type * from './contract.ts';
export type { CatchSettings } from './catch/index.ts';
export type { ScratchSettings } from './scratch/index.ts';
export type { WheelSegmentSettings, WheelSettings } from './wheel/index.ts';
export { catchGame, scratchGame, wheelGame };
export { createPointerInput, type CanvasPointerInput } from './engine/pointer-input.ts';
export { createToneSound, type ToneSound } from './engine/tone-sound.ts';
export { stageResources, type StageResources } from './engine/stage.ts';

export const MINI_GAMES = { catch: catchGame, wheel: wheelGame, scratch: scratchGame } as const satisfies Record<string, MiniGameDefinition<never>>;
export type MiniGameKind = keyof typeof MINI_GAMES;
