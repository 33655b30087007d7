// Tells the kiosk the score and the time left only when what it shows would change
// (whole seconds), not sixty times a second.
import type { GameProgress } from '../contract.ts';

export function progressReporter(report: (progress: GameProgress) => void): (score: number, remainingMs: number) => void {
  let lastScore = NaN;
  let lastSecond = NaN;
  return (score, remainingMs) => {
    const second = Math.ceil(Math.max(0, remainingMs) / 1000);
    if (score === lastScore && second === lastSecond) return;
    lastScore = score;
    lastSecond = second;
    report({ score, remainingMs: Math.max(0, remainingMs) });
  };
}
