// The WebGL context the games draw with, made here rather than by pixi so that pixi
// batches at most BATCH_TEXTURES textures per draw.
//
// pixi sizes its batch shader by the GPU's texture units (16 on most): the fragment
// shader then picks one of 16 samplers per pixel with a chain of branches. A software
// renderer (SwiftShader, the weakest kiosk GPU) runs every branch for every pixel, so a
// large textured shape — the wheel, the scratch card — cost ~30 ms a frame at 1080p
// whatever the drawing buffer's size (`npm run bench:games`: the wheel drew at 30 fps
// at 1920x1080 and still at 960x540). With 4 it draws at 60 at 1920x1080; 8 is already
// slow again. A game uses a handful of textures, so batches of 4 cost a GPU a few more
// draw calls a frame and nothing else. pixi reads the count once from the context
// (`MAX_TEXTURE_IMAGE_UNITS`); the context reports at most BATCH_TEXTURES to it.

/** Textures one batch may hold (see above). */
export const BATCH_TEXTURES = 4;

/** The context attributes pixi itself asks for, for an alpha canvas without antialiasing. */
const ATTRIBUTES: WebGLContextAttributes = {
  alpha: true,
  premultipliedAlpha: true,
  antialias: false,
  stencil: true,
  preserveDrawingBuffer: false,
  powerPreference: 'high-performance',
};

type ParameterReader = Pick<WebGLRenderingContext, 'getParameter' | 'MAX_TEXTURE_IMAGE_UNITS'>;

/** Makes `gl` report at most `limit` texture units (only on this context; every other parameter as it is). */
export function limitTextureUnits<T extends ParameterReader>(gl: T, limit = BATCH_TEXTURES): T {
  const read = gl.getParameter.bind(gl) as (name: number) => unknown;
  const units = gl.MAX_TEXTURE_IMAGE_UNITS;
  Object.defineProperty(gl, 'getParameter', {
    configurable: true,
    value: (name: number): unknown => {
      const value = read(name);
      return name === units && typeof value === 'number' ? Math.min(value, limit) : value;
    },
  });
  return gl;
}

/** A WebGL2 context on `canvas` for pixi's `context` option; null without WebGL2 (pixi then makes its own WebGL 1 context). */
export function gameContext(canvas: HTMLCanvasElement): WebGL2RenderingContext | null {
  const gl = canvas.getContext('webgl2', ATTRIBUTES);
  return gl ? limitTextureUnits(gl) : null;
}
