import { afterEach, describe, expect, it } from 'vitest';
import type { PointerSample } from '../contract.ts';
import { createPointerInput } from './pointer-input.ts';

function canvasAt(left: number, top: number) {
  const canvas = document.createElement('canvas');
  canvas.getBoundingClientRect = () => ({ left, top, width: 500, height: 800, right: left + 500, bottom: top + 800, x: left, y: top, toJSON: () => ({}) });
  document.body.append(canvas);
  return canvas;
}
const pointer = (type: string, init: PointerEventInit) => new PointerEvent(type, { bubbles: true, ...init });

afterEach(() => document.body.replaceChildren());

describe('pointer input', () => {
  it('gives touch, mouse and gesture-cursor events the same shape, relative to the canvas', () => {
    const canvas = canvasAt(100, 50);
    const input = createPointerInput(canvas);
    const seen: PointerSample[] = [];
    input.subscribe((s) => seen.push(s));
    canvas.dispatchEvent(pointer('pointerdown', { clientX: 150, clientY: 70, pointerType: 'touch', pointerId: 3, buttons: 1 }));
    canvas.dispatchEvent(pointer('pointermove', { clientX: 160, clientY: 90, pointerType: 'touch', pointerId: 3, buttons: 1 }));
    canvas.dispatchEvent(pointer('pointerup', { clientX: 160, clientY: 90, pointerType: 'touch', pointerId: 3 }));
    // The hand cursor hovers (no button) and "clicks" by pinching.
    canvas.dispatchEvent(pointer('pointermove', { clientX: 400, clientY: 450, pointerType: 'mouse', pointerId: 1 }));
    canvas.dispatchEvent(pointer('pointerdown', { clientX: 400, clientY: 450, pointerType: 'mouse', pointerId: 1, buttons: 1 }));
    expect(seen.map(({ type, x, y, pressed, pointerId }) => ({ type, x, y, pressed, pointerId }))).toEqual([
      { type: 'down', x: 50, y: 20, pressed: true, pointerId: 3 },
      { type: 'move', x: 60, y: 40, pressed: true, pointerId: 3 },
      { type: 'up', x: 60, y: 40, pressed: false, pointerId: 3 },
      { type: 'move', x: 300, y: 400, pressed: false, pointerId: 1 },
      { type: 'down', x: 300, y: 400, pressed: true, pointerId: 1 },
    ]);
  });

  it('stops listening when unsubscribed or disposed', () => {
    const canvas = canvasAt(0, 0);
    const input = createPointerInput(canvas);
    const a: PointerSample[] = [];
    const b: PointerSample[] = [];
    const stopA = input.subscribe((s) => a.push(s));
    input.subscribe((s) => b.push(s));
    stopA();
    canvas.dispatchEvent(pointer('pointermove', { clientX: 1, clientY: 1 }));
    input.dispose();
    canvas.dispatchEvent(pointer('pointermove', { clientX: 2, clientY: 2 }));
    expect(a).toHaveLength(0);
    expect(b).toHaveLength(1);
  });
});
