// The "beep" of a supermarket scanner, synthesised (no sound file), so a shopper hears
// the scan was taken. The audio context is opened once when the camera view opens
// (opening one takes a moment) and closed when it closes: nothing stays open between
// shoppers on a kiosk that runs for weeks.

export interface ScanBeeper {
  beep(): void;
  close(): void;
}

export function createScanBeeper(): ScanBeeper {
  let context: AudioContext | null = null;
  try {
    context = globalThis.AudioContext ? new AudioContext({ latencyHint: 'interactive' }) : null;
  } catch {
    context = null;
  }
  return {
    beep() {
      if (!context || context.state === 'closed') return;
      // Chromium's autoplay policy may hold the context until a touch; a scan follows one.
      if (context.state === 'suspended') void context.resume().catch(() => undefined);
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'square';
      oscillator.frequency.value = 1760;
      const t = context.currentTime;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.15, t + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.12);
      oscillator.connect(gain).connect(context.destination);
      oscillator.addEventListener('ended', () => {
        oscillator.disconnect();
        gain.disconnect();
      });
      oscillator.start(t);
      oscillator.stop(t + 0.13);
    },
    close() {
      void context?.close().catch(() => undefined);
      context = null;
    },
  };
}
