// What goes into the hand model bundles: the MediaPipe Hands models of the
// @mediapipe/hands npm package — "full" (model complexity 1) in hand_landmarker.task,
// "lite" (model complexity 0, for kiosks that run the model on the CPU) in
// hand_landmarker_lite.task — the names MediaPipe Tasks looks for inside a bundle, and
// the metadata each model needs (RGB input scaled to [0, 1]: mean 0, std 255). The lite
// models have the full ones' inputs and outputs (192×192 palm detector with the same
// anchors, 224×224 landmark model), so they take the same metadata.
import type { ImageModelMetadataSpec } from './model-metadata.ts';

/** The npm package the models come from, pinned in package.json. */
export const HANDS_PACKAGE = '@mediapipe/hands';
export const HANDS_PACKAGE_VERSION = '0.4.1675469240';

/** The palm detector sits inside this packed-assets file; its loader script lists where. */
export const PACKED_ASSETS_FILE = 'hands_solution_packed_assets.data';
export const PACKED_ASSETS_LOADER = 'hands_solution_packed_assets_loader.js';

export type HandModelVariant = 'full' | 'lite';
export const HAND_MODEL_VARIANTS: readonly HandModelVariant[] = ['full', 'lite'];

export interface HandModelRecipe {
  /** The bundle's file name (the renderer fetches generated/<file>). */
  file: string;
  /** The palm detector: its entry in the packed-assets file. */
  palmDetectorEntry: string;
  /** The landmark model: a plain file of the package. */
  landmarkModelFile: string;
}

export const HAND_MODELS: Record<HandModelVariant, HandModelRecipe> = {
  full: {
    file: 'hand_landmarker.task',
    palmDetectorEntry: '/third_party/mediapipe/modules/palm_detection/palm_detection_full.tflite',
    landmarkModelFile: 'hand_landmark_full.tflite',
  },
  lite: {
    file: 'hand_landmarker_lite.task',
    palmDetectorEntry: '/third_party/mediapipe/modules/palm_detection/palm_detection_lite.tflite',
    landmarkModelFile: 'hand_landmark_lite.tflite',
  },
};

/** Member names HandLandmarker reads from the .task bundle. */
export const DETECTOR_MEMBER = 'hand_detector.tflite';
export const LANDMARKS_MEMBER = 'hand_landmarks_detector.tflite';

const RGB_0_TO_1 = { mean: [0], std: [255], min: [0], max: [1] };

export const PALM_DETECTOR_METADATA: ImageModelMetadataSpec = {
  name: 'Multi Hand Detection',
  description: 'Detects hands by palm detection (metadata added locally)',
  minParserVersion: '1.0.0',
  input: { name: 'image', description: 'Input image to be detected', ...RGB_0_TO_1 },
  outputs: [
    { name: 'palm detection', description: 'regressed detected palm locations' },
    { name: 'scores', description: 'palm detection scores' },
  ],
};

export const HAND_LANDMARKS_METADATA: ImageModelMetadataSpec = {
  name: 'HandLandmarkDetector',
  description: 'Detects 21 hand landmarks (metadata added locally to the legacy MediaPipe hand_landmark model)',
  minParserVersion: '1.0.0',
  input: { name: 'image', description: 'Cropped hand image', ...RGB_0_TO_1 },
  outputs: [
    { name: 'landmarks', description: '21 x (x, y, z) screen landmarks' },
    { name: 'hand presence', description: 'hand presence score' },
    { name: 'handedness', description: 'handedness score' },
    { name: 'world landmarks', description: '21 x (x, y, z) world landmarks' },
  ],
};
