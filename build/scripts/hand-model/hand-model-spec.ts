// What goes into hand_landmarker.task: the two MediaPipe Hands models of the
// @mediapipe/hands npm package, the names MediaPipe Tasks looks for inside the bundle,
// and the metadata each model needs (RGB input scaled to [0, 1]: mean 0, std 255).
import type { ImageModelMetadataSpec } from './model-metadata.ts';

/** The npm package the models come from, pinned in package.json. */
export const HANDS_PACKAGE = '@mediapipe/hands';
export const HANDS_PACKAGE_VERSION = '0.4.1675469240';

/** The palm detector sits inside this packed-assets file; its loader script lists where. */
export const PACKED_ASSETS_FILE = 'hands_solution_packed_assets.data';
export const PACKED_ASSETS_LOADER = 'hands_solution_packed_assets_loader.js';
export const PALM_DETECTOR_ENTRY = '/third_party/mediapipe/modules/palm_detection/palm_detection_full.tflite';
export const LANDMARK_MODEL_FILE = 'hand_landmark_full.tflite';

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
