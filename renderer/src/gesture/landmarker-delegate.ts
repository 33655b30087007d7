// Which MediaPipe delegate the hand model runs on, and which model: the GPU when the
// caller says there is a real one, else the CPU — and the CPU as well when creating the
// GPU landmarker fails (a driver that refuses the shaders, a context that cannot be
// made), with the reason kept so that health and the admin screen can say
// "CPU (GPU failed: …)". The model goes with the delegate unless the kiosk's settings
// force one: the full model on the GPU, the lite one (MediaPipe's model complexity 0)
// on the CPU, where the full one costs too much of the frame rate of whatever else runs.
// Pure apart from the factory it is given, so it is tested with a fake one.
import type { HandModelChoice } from '../../../content/schema/kiosk-config.ts';

export type Delegate = 'GPU' | 'CPU';
/** The two hand model bundles build:hand-model makes. */
export type HandModel = 'full' | 'lite';
export type { HandModelChoice };

/** The model a landmarker on `delegate` runs: the one `choice` forces, else full on the GPU and lite on the CPU. */
export function modelFor(delegate: Delegate, choice: HandModelChoice): HandModel {
  if (choice !== 'auto') return choice;
  return delegate === 'GPU' ? 'full' : 'lite';
}

/**
 * The model that runs while a game is played: on the CPU the lite one, whatever runs
 * otherwise — a game is played by moving the cursor and pinching, which the lite model
 * follows well, and it leaves a game drawn in software a quarter more of the CPU. (Swipes,
 * which the lite model tracks less surely, are not used in a game.)
 */
export function gameModelFor(delegate: Delegate, model: HandModel): HandModel {
  return delegate === 'CPU' ? 'lite' : model;
}

export interface CreatedLandmarker<T> {
  landmarker: T;
  delegate: Delegate;
  model: HandModel;
  /** Why the GPU was tried and not used (null when it was not tried, or worked). */
  gpuFailure: string | null;
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err)) || 'unknown error';

/**
 * Creates the landmarker with `factory`: on the GPU first when `preferGpu`, falling back
 * to the CPU if that throws; straight on the CPU otherwise — each time with the model
 * `modelFor` picks for that delegate (so a GPU that fails leaves the lite model running
 * on the CPU, unless `choice` forces one). A CPU failure is thrown, and names the GPU
 * failure before it when there was one.
 */
export async function createLandmarker<T>(
  factory: (delegate: Delegate, model: HandModel) => Promise<T>,
  preferGpu: boolean,
  choice: HandModelChoice = 'auto',
): Promise<CreatedLandmarker<T>> {
  let gpuFailure: string | null = null;
  if (preferGpu) {
    const model = modelFor('GPU', choice);
    try {
      return { landmarker: await factory('GPU', model), delegate: 'GPU', model, gpuFailure: null };
    } catch (err) {
      gpuFailure = reason(err);
    }
  }
  const model = modelFor('CPU', choice);
  try {
    return { landmarker: await factory('CPU', model), delegate: 'CPU', model, gpuFailure };
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

/** The model and where it runs, for the engine's problem: "lite hand model on CPU (GPU failed: …)". */
export function describeEngine(model: HandModel, delegate: Delegate, gpuFailure: string | null | undefined): string {
  return `${model} hand model on ${describeDelegate(delegate, gpuFailure)}`;
}
