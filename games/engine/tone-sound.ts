// Game sounds synthesised with WebAudio: short tones, no files to ship or load. The
// audio context opens on the first cue (after a touch, as browsers require) and is
// closed with the game screen.
import type { GameSound, SoundCue } from '../contract.ts';

/** Notes of each cue: [frequency Hz, start s, length s]. */
const CUES: Record<SoundCue, [number, number, number][]> = {
  tick: [[880, 0, 0.05]],
  good: [[660, 0, 0.08], [990, 0.07, 0.1]],
  bad: [[220, 0, 0.18]],
  spin: [[520, 0, 0.03]],
  stop: [[440, 0, 0.12]],
  scratch: [[1800, 0, 0.02]],
  win: [[523, 0, 0.12], [659, 0.12, 0.12], [784, 0.24, 0.25]],
  lose: [[392, 0, 0.15], [330, 0.15, 0.3]],
};

export interface ToneSound extends GameSound {
  close(): void;
}

export function createToneSound(options: { volume?: number; muted?: boolean } = {}): ToneSound {
  let context: AudioContext | null = null;
  const volume = options.volume ?? 0.15;
  return {
    play(cue) {
      if (options.muted || typeof AudioContext === 'undefined') return;
      context ??= new AudioContext();
      const start = context.currentTime;
      for (const [frequency, at, length] of CUES[cue]) {
        const osc = context.createOscillator();
        const gain = context.createGain();
        osc.type = 'triangle';
        osc.frequency.value = frequency;
        gain.gain.setValueAtTime(volume, start + at);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + at + length);
        osc.connect(gain).connect(context.destination);
        osc.onended = () => {
          osc.disconnect();
          gain.disconnect();
        };
        osc.start(start + at);
        osc.stop(start + at + length);
      }
    },
    close() {
      void context?.close().catch(() => undefined);
      context = null;
    },
  };
}
