// The camera, kept open for as long as gestures are on, and reopened by itself: after
// an unplug (the track ends), when a camera is plugged in (devicechange), when
// permission is granted (permissions change), and on a slow timer as a fallback. Its
// state is what the kiosk's health shows: available, absent or denied.

export type CameraState = 'unknown' | 'available' | 'absent' | 'denied';

export interface CameraSourceOptions {
  mediaDevices?: Pick<MediaDevices, 'getUserMedia' | 'addEventListener' | 'removeEventListener'>;
  permissions?: Pick<Permissions, 'query'> | undefined;
  /** Retry delays (ms) while there is no camera / no permission. */
  retryMs?: { absent: number; denied: number };
  video?: MediaTrackConstraints;
  onState(state: CameraState, detail: string | null): void;
  onStream(stream: MediaStream | null): void;
}

export const DEFAULT_CAMERA_VIDEO: MediaTrackConstraints = {
  width: { ideal: 640 },
  height: { ideal: 480 },
  frameRate: { ideal: 30, max: 30 },
  facingMode: 'user',
};

/** What a getUserMedia failure means for the kiosk. */
export function classifyCameraError(err: unknown): Exclude<CameraState, 'unknown' | 'available'> {
  const name = (err as { name?: string } | null)?.name;
  return name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'absent';
}

export class CameraSource {
  private stream: MediaStream | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private permission: PermissionStatus | null = null;
  private running = false;
  private opening = false;
  private readonly devices: NonNullable<CameraSourceOptions['mediaDevices']> | undefined;
  private readonly retryMs: { absent: number; denied: number };

  constructor(private readonly options: CameraSourceOptions) {
    this.devices = options.mediaDevices ?? (typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined);
    this.retryMs = options.retryMs ?? { absent: 5000, denied: 15000 };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.devices?.addEventListener('devicechange', this.retryNow);
    void this.watchPermission();
    void this.open();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.devices?.removeEventListener('devicechange', this.retryNow);
    if (this.permission) this.permission.onchange = null;
    this.permission = null;
    this.close();
  }

  private readonly retryNow = () => {
    if (this.running && !this.stream) void this.open();
  };

  private async watchPermission(): Promise<void> {
    const permissions = this.options.permissions ?? (typeof navigator !== 'undefined' ? navigator.permissions : undefined);
    try {
      const status = await permissions?.query({ name: 'camera' as PermissionName });
      if (!status || !this.running) return;
      this.permission = status;
      status.onchange = this.retryNow;
    } catch {
      // Browsers without a camera permission to query: the timer retries.
    }
  }

  private async open(): Promise<void> {
    if (!this.running || this.opening || this.stream) return;
    this.opening = true;
    clearTimeout(this.timer);
    try {
      if (!this.devices) throw Object.assign(new Error('no media devices in this browser'), { name: 'NotFoundError' });
      const stream = await this.devices.getUserMedia({ video: this.options.video ?? DEFAULT_CAMERA_VIDEO, audio: false });
      if (!this.running) {
        stream.getTracks().forEach((t) => t.stop());
        return;
      }
      const track = stream.getVideoTracks()[0];
      if (!track) throw Object.assign(new Error('the camera gave no video track'), { name: 'NotFoundError' });
      this.stream = stream;
      track.addEventListener('ended', this.onEnded);
      this.options.onState('available', track.label || null);
      this.options.onStream(stream);
    } catch (err) {
      const state = classifyCameraError(err);
      this.options.onState(state, (err as Error).message ?? String(err));
      this.schedule(this.retryMs[state]);
    } finally {
      this.opening = false;
    }
  }

  /** The camera was unplugged (or taken away): report it and look for it again. */
  private readonly onEnded = () => {
    this.close();
    if (!this.running) return;
    this.options.onState('absent', 'the camera stopped');
    this.schedule(this.retryMs.absent);
  };

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    if (this.running) this.timer = setTimeout(() => void this.open(), ms);
  }

  private close(): void {
    const stream = this.stream;
    this.stream = null;
    if (!stream) return;
    for (const track of stream.getTracks()) {
      track.removeEventListener('ended', this.onEnded);
      track.stop();
    }
    this.options.onStream(null);
  }
}
