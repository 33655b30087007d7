// Hand landmarks as the worker reports them, and the little geometry the recogniser
// needs. Coordinates are MediaPipe's: x and y normalised to the camera image (0–1, not
// mirrored), z relative depth. Distances are measured in units of the image HEIGHT
// (x is scaled by the aspect ratio) so that they do not depend on the camera's shape.

export interface Point3 {
  x: number;
  y: number;
  z: number;
}

export interface DetectedHand {
  /** The 21 landmarks of MediaPipe's hand model. */
  landmarks: readonly Point3[];
  /** Handedness confidence (0–1), a proxy for how sure the model is. */
  score: number;
}

/** One analysed camera frame: when it was taken and the hands in it. */
export interface HandFrame {
  /** Milliseconds (performance.now() of the page). */
  t: number;
  /** Camera image width / height. */
  aspect: number;
  hands: readonly DetectedHand[];
}

export const LANDMARK_COUNT = 21;

export const LM = {
  wrist: 0,
  thumbCmc: 1,
  thumbMcp: 2,
  thumbIp: 3,
  thumbTip: 4,
  indexMcp: 5,
  indexPip: 6,
  indexTip: 8,
  middleMcp: 9,
  middlePip: 10,
  middleTip: 12,
  ringMcp: 13,
  ringPip: 14,
  ringTip: 16,
  pinkyMcp: 17,
  pinkyPip: 18,
  pinkyTip: 20,
} as const;

/** Distance in image-height units. */
export function distance(a: Point3, b: Point3, aspect: number): number {
  return Math.hypot((a.x - b.x) * aspect, a.y - b.y);
}

function at(hand: DetectedHand, index: number): Point3 {
  const p = hand.landmarks[index];
  if (!p) throw new Error(`hand has no landmark ${index}`);
  return p;
}

/**
 * The hand's scale, independent of finger pose: the longer of wrist→middle knuckle and
 * the knuckle line (index to pinky), so a hand seen edge-on still has a size.
 */
export function handSize(hand: DetectedHand, aspect: number): number {
  return Math.max(distance(at(hand, LM.wrist), at(hand, LM.middleMcp), aspect), distance(at(hand, LM.indexMcp), at(hand, LM.pinkyMcp), aspect) * 1.25);
}

/** The middle of the palm (wrist and the four knuckles), steadier than any fingertip. */
export function palmCentre(hand: DetectedHand): { x: number; y: number } {
  const ids = [LM.wrist, LM.indexMcp, LM.middleMcp, LM.ringMcp, LM.pinkyMcp];
  let x = 0;
  let y = 0;
  for (const i of ids) {
    x += at(hand, i).x;
    y += at(hand, i).y;
  }
  return { x: x / ids.length, y: y / ids.length };
}

/** Thumb-tip to index-tip distance relative to the hand's size: ~0.1 pinched, >0.5 open. */
export function pinchRatio(hand: DetectedHand, aspect: number): number {
  return distance(at(hand, LM.thumbTip), at(hand, LM.indexTip), aspect) / handSize(hand, aspect);
}

const FINGERS = [
  [LM.indexPip, LM.indexTip],
  [LM.middlePip, LM.middleTip],
  [LM.ringPip, LM.ringTip],
  [LM.pinkyPip, LM.pinkyTip],
] as const;

/** How many of the four fingers are stretched out (tip clearly farther from the wrist than the middle joint). */
export function extendedFingers(hand: DetectedHand, aspect: number): number {
  const wrist = at(hand, LM.wrist);
  let n = 0;
  for (const [pip, tip] of FINGERS) {
    if (distance(wrist, at(hand, tip), aspect) > distance(wrist, at(hand, pip), aspect) * 1.15) n++;
  }
  return n;
}

/** Unpacks the worker's flat [x, y, z] × 21 arrays. */
export function handsFromFlat(flat: readonly { landmarks: ArrayLike<number>; score: number }[]): DetectedHand[] {
  return flat.map(({ landmarks, score }) => {
    const points: Point3[] = [];
    for (let i = 0; i + 2 < landmarks.length; i += 3) points.push({ x: landmarks[i]!, y: landmarks[i + 1]!, z: landmarks[i + 2]! });
    return { landmarks: points, score };
  });
}
