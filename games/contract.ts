// The contract between the kiosk and a mini-game. The kiosk (renderer) gives a game an
// element to show in, one pointer stream, sound, a seeded random source and its
// settings from the content pack; the game plays and resolves a GameResult. Whether a shopper wins a
// prize is never the game's call: games of chance ask `decidePrize` before they show
// an outcome, and the kiosk's prize rules answer.

export type Unsubscribe = () => void;

export interface Size {
  width: number;
  height: number;
}

/** One pointer event on the game's view: a finger, a mouse, or the hand-gesture cursor. */
export interface PointerSample {
  type: 'down' | 'move' | 'up' | 'cancel';
  /** CSS pixels from the view's top-left corner. */
  x: number;
  y: number;
  pointerId: number;
  /** A finger is on the glass, a button held, or the hand pinches. */
  pressed: boolean;
  /** performance.now() of the event. */
  time: number;
}

/** Touch, mouse and gestures as one stream: a game never knows which moved the cursor. */
export interface PointerInput {
  subscribe(listener: (sample: PointerSample) => void): Unsubscribe;
}

export type SoundCue = 'tick' | 'good' | 'bad' | 'spin' | 'stop' | 'scratch' | 'win' | 'lose';

export interface GameSound {
  play(cue: SoundCue): void;
}

export type Difficulty = 'easy' | 'normal' | 'hard';

/** Colours as 0xRRGGBB numbers; images as URLs the kiosk resolved from the pack. */
export interface GameTheme {
  primary: number;
  accent: number;
  background: number;
  backgroundImage?: string;
}

/** What every game's settings hold; each game adds its own fields. */
export interface BaseGameSettings {
  durationMs: number;
  difficulty: Difficulty;
  theme: GameTheme;
}

/** The kiosk's answer to "does this shopper win?", decided by the pack's prize rules. */
export interface PrizeReveal {
  won: boolean;
  /** The campaign won, or null. Games that show prizes (the wheel) land on it. */
  prizeId: string | null;
}

export interface GameProgress {
  score: number;
  /** Play time left; 0 once the game is revealing its end. */
  remainingMs: number;
}

export interface GameContext<Settings extends BaseGameSettings = BaseGameSettings> {
  /** The element the game shows in (it puts its canvas there), sized by the kiosk's layout. */
  view: HTMLElement;
  input: PointerInput;
  sound: GameSound;
  /** Seeded by the kiosk: numbers in [0, 1). */
  random: () => number;
  settings: Settings;
  /** Asks the kiosk for the prize; call at most once, before showing any outcome. */
  decidePrize(score: number | null): Promise<PrizeReveal>;
  /** Score and time left, for the kiosk's display; called when either changes. */
  onProgress(progress: GameProgress): void;
}

export interface GameResult {
  /** The score the pack's minScore is compared with (0 for games of pure chance). */
  score: number;
  /** Play time, without pauses. */
  durationMs: number;
  /** False when the game was left before its end. */
  completed: boolean;
  /** Numbers an analyst may want (items caught, share scratched). */
  stats: Record<string, number>;
}

export interface MiniGame {
  /** Resolves once assets are loaded and the first frame is on screen. */
  readonly ready: Promise<void>;
  /** Resolves when the game ends, or with completed: false when it is destroyed first. */
  readonly result: Promise<GameResult>;
  start(): void;
  pause(): void;
  resume(): void;
  /** Frees every texture, ticker and listener; safe to call at any time, more than once. */
  destroy(): void;
}

export interface MiniGameDefinition<Settings extends BaseGameSettings = BaseGameSettings> {
  readonly kind: string;
  /** True when the game asks decidePrize itself; otherwise the kiosk decides from the final score. */
  readonly decidesDuringPlay: boolean;
  create(ctx: GameContext<Settings>): MiniGame;
}
