// The scratch card (刮刮乐): scratch off the cover; three of a kind wins.
import type { MiniGameDefinition } from '../contract.ts';
import { runGame } from '../engine/game-runner.ts';
import { createStage } from '../engine/stage.ts';
import { ScratchScene, type ScratchSettings } from './scratch-scene.ts';

export type { ScratchSettings } from './scratch-scene.ts';

export const scratchGame: MiniGameDefinition<ScratchSettings> = {
  kind: 'scratch',
  decidesDuringPlay: true,
  create: (ctx) => runGame(ctx, createStage, (kit) => new ScratchScene(ctx, kit.stage, kit.finish, () => kit.over)),
};
