import { describe, expect, it } from 'vitest';
import { aimBoxInFrame, decodeSize } from './aim-box.ts';

describe('aiming box to frame pixels', () => {
  const frame = { width: 1280, height: 720 };

  it('maps a box on a view of the same shape by plain scaling', () => {
    const view = { x: 0, y: 0, width: 640, height: 360 };
    expect(aimBoxInFrame(frame, view, { x: 160, y: 90, width: 320, height: 180 })).toEqual({ x: 320, y: 180, width: 640, height: 360 });
  });

  it('accounts for the part of the picture object-fit: cover crops away', () => {
    // A portrait view 540x960 showing a 1280x720 frame: scale 960/720, the sides are cut.
    const view = { x: 0, y: 100, width: 540, height: 960 };
    const scale = 960 / 720;
    const shownWidth = 1280 * scale;
    const box = { x: 70, y: 100 + 330, width: 400, height: 300 };
    const crop = aimBoxInFrame(frame, view, box)!;
    expect(crop.x).toBe(Math.floor((70 - (540 - shownWidth) / 2) / scale));
    expect(crop.y).toBe(Math.floor(330 / scale));
    expect(crop.width).toBeGreaterThanOrEqual(Math.floor(400 / scale));
    expect(crop.height).toBeGreaterThanOrEqual(Math.floor(300 / scale));
  });

  it('adds padding, mirrors for a mirrored preview and clamps to the frame', () => {
    const view = { x: 0, y: 0, width: 1280, height: 720 };
    expect(aimBoxInFrame(frame, view, { x: 100, y: 100, width: 200, height: 100 }, { padding: 0.1 })).toEqual({ x: 80, y: 90, width: 240, height: 120 });
    expect(aimBoxInFrame(frame, view, { x: 0, y: 0, width: 200, height: 100 }, { mirrored: true })).toEqual({ x: 1080, y: 0, width: 200, height: 100 });
    expect(aimBoxInFrame(frame, view, { x: -50, y: 650, width: 200, height: 200 })).toEqual({ x: 0, y: 650, width: 150, height: 70 });
  });

  it('gives nothing when the box is off the picture or the video has no size yet', () => {
    const view = { x: 0, y: 0, width: 1280, height: 720 };
    expect(aimBoxInFrame(frame, view, { x: 2000, y: 0, width: 100, height: 100 })).toBeNull();
    expect(aimBoxInFrame({ width: 0, height: 0 }, view, { x: 0, y: 0, width: 100, height: 100 })).toBeNull();
  });

  it('scales large crops down for decoding, keeping the shape', () => {
    expect(decodeSize({ x: 0, y: 0, width: 1280, height: 720 }, 960)).toEqual({ width: 960, height: 540 });
    expect(decodeSize({ x: 0, y: 0, width: 400, height: 300 }, 960)).toEqual({ width: 400, height: 300 });
  });
});
