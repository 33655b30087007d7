import { describe, expect, it } from 'vitest';
import { createLandmarker, describeDelegate, describeEngine, gameModelFor, isHardwareRenderer, modelFor, type Delegate, type HandModel } from './landmarker-delegate.ts';

/** A landmarker factory that records what it was asked for and fails where told. */
function fakeFactory(fails: Partial<Record<Delegate, unknown>> = {}) {
  const tried: Delegate[] = [];
  const models: HandModel[] = [];
  const factory = async (delegate: Delegate, model: HandModel) => {
    tried.push(delegate);
    models.push(model);
    if (delegate in fails) throw fails[delegate];
    return { runsOn: delegate };
  };
  return { factory, tried, models };
}

describe('createLandmarker', () => {
  it('uses the GPU with the full model when there is one and it works', async () => {
    const { factory, tried, models } = fakeFactory();
    const made = await createLandmarker(factory, true);
    expect(made).toEqual({ landmarker: { runsOn: 'GPU' }, delegate: 'GPU', model: 'full', gpuFailure: null });
    expect(tried).toEqual(['GPU']);
    expect(models).toEqual(['full']);
  });

  it('falls back to the CPU, with the lite model, when the GPU landmarker cannot be made, and says why', async () => {
    const { factory, tried, models } = fakeFactory({ GPU: new Error('Unable to create WebGL2 context') });
    const made = await createLandmarker(factory, true);
    expect(made).toEqual({ landmarker: { runsOn: 'CPU' }, delegate: 'CPU', model: 'lite', gpuFailure: 'Unable to create WebGL2 context' });
    expect(tried).toEqual(['GPU', 'CPU']);
    expect(models).toEqual(['full', 'lite']);
    expect(describeDelegate(made.delegate, made.gpuFailure)).toBe('CPU (GPU failed: Unable to create WebGL2 context)');
    expect(describeEngine(made.model, made.delegate, made.gpuFailure)).toBe('lite hand model on CPU (GPU failed: Unable to create WebGL2 context)');
  });

  it('keeps the reason when the GPU throws something that is not an Error', async () => {
    const made = await createLandmarker(fakeFactory({ GPU: 'emscripten abort' }).factory, true);
    expect(made.gpuFailure).toBe('emscripten abort');
  });

  it('goes straight to the CPU, with the lite model, without a hardware GPU', async () => {
    const { factory, tried, models } = fakeFactory({ GPU: new Error('must not be tried') });
    const made = await createLandmarker(factory, false);
    expect(made).toEqual({ landmarker: { runsOn: 'CPU' }, delegate: 'CPU', model: 'lite', gpuFailure: null });
    expect(tried).toEqual(['CPU']);
    expect(models).toEqual(['lite']);
    expect(describeDelegate(made.delegate, made.gpuFailure)).toBe('CPU');
  });

  it('runs the model the settings force, on either delegate and after a GPU failure', async () => {
    const full = fakeFactory({ GPU: new Error('no GL') });
    expect(await createLandmarker(full.factory, true, 'full')).toMatchObject({ delegate: 'CPU', model: 'full' });
    expect(full.models).toEqual(['full', 'full']);
    const lite = fakeFactory();
    expect(await createLandmarker(lite.factory, true, 'lite')).toMatchObject({ delegate: 'GPU', model: 'lite' });
    expect(lite.models).toEqual(['lite']);
  });

  it('fails when the CPU fails too, naming both reasons', async () => {
    const { factory } = fakeFactory({ GPU: new Error('no GL'), CPU: new Error('model is corrupt') });
    await expect(createLandmarker(factory, true)).rejects.toThrow('model is corrupt (on the CPU, after the GPU failed: no GL)');
    const cpuOnly = fakeFactory({ CPU: new Error('model is corrupt') });
    await expect(createLandmarker(cpuOnly.factory, false)).rejects.toThrow(/^model is corrupt$/);
  });
});

describe('modelFor', () => {
  it('takes the full model on the GPU and the lite one on the CPU, unless one is forced', () => {
    expect([modelFor('GPU', 'auto'), modelFor('CPU', 'auto')]).toEqual(['full', 'lite']);
    expect([modelFor('GPU', 'lite'), modelFor('CPU', 'lite')]).toEqual(['lite', 'lite']);
    expect([modelFor('GPU', 'full'), modelFor('CPU', 'full')]).toEqual(['full', 'full']);
  });
});

describe('isHardwareRenderer', () => {
  it('tells graphics hardware from software rasterisers', () => {
    expect(isHardwareRenderer('ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)')).toBe(true);
    expect(isHardwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(false);
    expect(isHardwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(false);
    expect(isHardwareRenderer('Microsoft Basic Render Driver')).toBe(false);
    expect(isHardwareRenderer('')).toBe(false);
  });
});

describe('the model while a game is played', () => {
  it('is the lite one on the CPU, whatever runs otherwise, and unchanged on the GPU', () => {
    expect(gameModelFor('CPU', 'full')).toBe('lite');
    expect(gameModelFor('CPU', 'lite')).toBe('lite');
    expect(gameModelFor('GPU', 'full')).toBe('full');
    expect(gameModelFor('GPU', 'lite')).toBe('lite');
  });
});
