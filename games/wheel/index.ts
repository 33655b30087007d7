// The lucky wheel: one touch spins it; it lands on the prize the kiosk's rules chose.
import type { MiniGameDefinition } from '../contract.ts';
import { runGame } from '../engine/game-runner.ts';
import { createStage } from '../engine/stage.ts';
import { WheelScene, type WheelSettings } from './wheel-scene.ts';

export type { WheelSegmentSettings, WheelSettings } from './wheel-scene.ts';

export const wheelGame: MiniGameDefinition<WheelSettings> = {
  kind: 'wheel',
  decidesDuringPlay: true,
  create: (ctx) => runGame(ctx, createStage, (kit) => new WheelScene(ctx, kit.stage, kit.finish, () => kit.over)),
};
