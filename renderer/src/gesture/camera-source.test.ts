// The camera source against a fake camera (a MediaDevices double whose cameras the test
// plugs in, unplugs and denies), with fake timers for the retries.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CameraSource, classifyCameraError, type CameraState } from './camera-source.ts';

class FakeTrack extends EventTarget {
  stopped = false;
  readonly label = 'Fake USB camera';
  stop() {
    this.stopped = true;
  }
  unplug() {
    this.dispatchEvent(new Event('ended'));
  }
}

class FakeStream {
  readonly track = new FakeTrack();
  getTracks() {
    return [this.track];
  }
  getVideoTracks() {
    return [this.track];
  }
}

const domError = (name: string) => Object.assign(new Error(name), { name });

class FakeDevices extends EventTarget {
  /** What getUserMedia does now: 'ok', or the DOMException name it throws. */
  camera: 'ok' | 'NotFoundError' | 'NotAllowedError' | 'NotReadableError' = 'NotFoundError';
  calls = 0;
  streams: FakeStream[] = [];
  async getUserMedia() {
    this.calls++;
    if (this.camera !== 'ok') throw domError(this.camera);
    const stream = new FakeStream();
    this.streams.push(stream);
    return stream as unknown as MediaStream;
  }
  plugIn() {
    this.camera = 'ok';
    this.dispatchEvent(new Event('devicechange'));
  }
}

class FakePermission {
  onchange: (() => void) | null = null;
  grant() {
    this.onchange?.();
  }
}

function setUp(camera: FakeDevices['camera']) {
  const devices = new FakeDevices();
  devices.camera = camera;
  const permission = new FakePermission();
  const states: CameraState[] = [];
  const streams: (MediaStream | null)[] = [];
  const source = new CameraSource({
    mediaDevices: devices as unknown as MediaDevices,
    permissions: { query: async () => permission as unknown as PermissionStatus },
    retryMs: { absent: 5000, denied: 15000 },
    onState: (s) => states.push(s),
    onStream: (s) => streams.push(s),
  });
  return { devices, permission, states, streams, source };
}

describe('camera source', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('with no camera reports "absent", and picks the camera up when it is plugged in', async () => {
    const { devices, states, streams, source } = setUp('NotFoundError');
    source.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(states).toEqual(['absent']);
    expect(streams).toEqual([]);
    devices.plugIn();
    await vi.advanceTimersByTimeAsync(0);
    expect(states).toEqual(['absent', 'available']);
    expect(streams).toHaveLength(1);
    source.stop();
  });

  it('keeps looking on a timer when no devicechange comes', async () => {
    const { devices, states, source } = setUp('NotReadableError');
    source.start();
    await vi.advanceTimersByTimeAsync(4999);
    expect(devices.calls).toBe(1);
    devices.camera = 'ok';
    await vi.advanceTimersByTimeAsync(1);
    expect(states.at(-1)).toBe('available');
    source.stop();
  });

  it('reports "denied" and resumes as soon as permission is granted', async () => {
    const { devices, permission, states, streams, source } = setUp('NotAllowedError');
    source.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(states).toEqual(['denied']);
    devices.camera = 'ok';
    permission.grant();
    await vi.advanceTimersByTimeAsync(0);
    expect(states).toEqual(['denied', 'available']);
    expect(streams.at(-1)).not.toBeNull();
    source.stop();
  });

  it('an unplugged camera is reported, released, and reopened when it comes back', async () => {
    const { devices, states, streams, source } = setUp('ok');
    source.start();
    await vi.advanceTimersByTimeAsync(0);
    const first = devices.streams[0]!;
    devices.camera = 'NotFoundError';
    first.track.unplug();
    expect(states).toEqual(['available', 'absent']);
    expect(streams.at(-1)).toBeNull();
    expect(first.track.stopped).toBe(true);
    devices.plugIn();
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toBe('available');
    expect(devices.streams).toHaveLength(2);
    source.stop();
  });

  it('stop() releases the camera and stops looking', async () => {
    const { devices, source } = setUp('ok');
    source.start();
    await vi.advanceTimersByTimeAsync(0);
    source.stop();
    expect(devices.streams[0]!.track.stopped).toBe(true);
    const calls = devices.calls;
    devices.plugIn();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(devices.calls).toBe(calls);
  });

  it('classifies getUserMedia failures', () => {
    expect(classifyCameraError(domError('NotAllowedError'))).toBe('denied');
    expect(classifyCameraError(domError('SecurityError'))).toBe('denied');
    expect(classifyCameraError(domError('NotFoundError'))).toBe('absent');
    expect(classifyCameraError(domError('OverconstrainedError'))).toBe('absent');
    expect(classifyCameraError(new Error('?'))).toBe('absent');
  });
});
