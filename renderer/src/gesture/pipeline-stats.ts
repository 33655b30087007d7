// The numbers the kiosk reports about its gesture pipeline (the 'gesture-stats' app
// event, every few seconds while frames are analysed): how many frames, how many with a
// hand, and median and 90th percentile of inference, UI-thread time per frame and the
// latency from camera to cursor, over the last few hundred frames. Pure: the caller
// measures and says when to report.
import type { AppEventMap } from '../test-hook/app-event-catalogue.ts';
import { RollingStats } from './rolling-stats.ts';

export type PipelineReport = AppEventMap['gesture-stats'];

const tenths = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export class PipelineStats {
  private frames = 0;
  private handFrames = 0;
  private reportedFrames = 0;
  private readonly inference = new RollingStats();
  private readonly mainThread = new RollingStats();
  private readonly latency = new RollingStats();

  /** The worker analysed a frame: `hands` found, in `inferenceMs`. */
  analysed(hands: number, inferenceMs: number): void {
    this.frames++;
    if (hands > 0) this.handFrames++;
    this.inference.push(inferenceMs);
  }

  /** What the page took over that frame, and how old the frame was when the page was done. */
  timed(mainThreadMs: number, latencyMs: number): void {
    this.mainThread.push(mainThreadMs);
    this.latency.push(latencyMs);
  }

  /** The report, or null when no frame was analysed since the last one (nothing new to say). */
  report(): PipelineReport | null {
    if (this.frames === this.reportedFrames) return null;
    this.reportedFrames = this.frames;
    return {
      frames: this.frames,
      handFrames: this.handFrames,
      inferenceMedianMs: tenths(this.inference.percentile(50)),
      inferenceP90Ms: tenths(this.inference.percentile(90)),
      mainThreadMedianMs: tenths(this.mainThread.percentile(50)),
      mainThreadP90Ms: tenths(this.mainThread.percentile(90)),
      latencyMedianMs: tenths(this.latency.percentile(50)),
      latencyP90Ms: tenths(this.latency.percentile(90)),
    };
  }
}
