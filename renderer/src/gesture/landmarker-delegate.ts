// Which MediaPipe delegate the hand model runs on: the GPU when the caller says there is
// a real one, else the CPU — and the CPU as well when creating the GPU landmarker
// fails (a driver that refuses the shaders, a context that cannot be made), with the
// reason kept so that health and the admin screen can say "CPU (GPU failed: …)".
// Pure apart from the factory it is given, so it is tested with a fake one.

export type Delegate = 'GPU' | 'CPU';

export interface CreatedLandmarker<T> {
  landmarker: T;
  delegate: Delegate;
  /** Why the GPU was tried and not used (null when it was not tried, or worked). */
  gpuFailure: string | null;
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err)) || 'unknown error';

/**
 * Creates the landmarker with `factory`: on the GPU first when `preferGpu`, falling back
 * to the CPU if that throws; straight on the CPU otherwise. A CPU failure is thrown, and
 * names the GPU failure before it when there was one.
 */
export async function createLandmarker<T>(factory: (delegate: Delegate) => Promise<T>, preferGpu: boolean): Promise<CreatedLandmarker<T>> {
  let gpuFailure: string | null = null;
  if (preferGpu) {
    try {
      return { landmarker: await factory('GPU'), delegate: 'GPU', gpuFailure: null };
    } catch (err) {
      gpuFailure = reason(err);
    }
  }
  try {
    return { landmarker: await factory('CPU'), delegate: 'CPU', gpuFailure };
  } catch (err) {
    if (gpuFailure === null) throw err;
    throw new Error(`${reason(err)} (on the CPU, after the GPU failed: ${gpuFailure})`, { cause: err });
  }
}

/** Whether a WebGL renderer string names real graphics hardware, not a software rasteriser (slower than the CPU path). */
export function isHardwareRenderer(renderer: string): boolean {
  return renderer.trim() !== '' && !/swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
}

/** The delegate as health and the admin screen show it: "GPU", "CPU", "CPU (GPU failed: …)". */
export function describeDelegate(delegate: Delegate, gpuFailure: string | null | undefined): string {
  return gpuFailure ? `${delegate} (GPU failed: ${gpuFailure})` : delegate;
}
