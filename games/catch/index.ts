// The catch game: products fall, catch the good ones before time runs out.
import type { MiniGameDefinition } from '../contract.ts';
import { runGame } from '../engine/game-runner.ts';
import { createStage } from '../engine/stage.ts';
import { CatchScene, type CatchSettings } from './catch-scene.ts';

export type { CatchSettings } from './catch-scene.ts';

export const catchGame: MiniGameDefinition<CatchSettings> = {
  kind: 'catch',
  decidesDuringPlay: false,
  create: (ctx) => runGame(ctx, createStage, (kit) => new CatchScene(ctx, kit.stage, kit.finish, () => kit.over)),
};
