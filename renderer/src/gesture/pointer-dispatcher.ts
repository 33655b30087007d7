// The hand cursor joins the one pointer stream: real PointerEvents (pointerType
// 'mouse', the mouse's pointerId 1) dispatched on whatever is under the cursor, so Vue
// components and pixi.js canvases cannot tell a hand in the air from a mouse. Hover
// (over/out/enter/leave), move, down, up and click follow the browser's own order; a
// click goes to the nearest element that both the press and the release were on.

export interface PointerTarget {
  /** The element under a point (client pixels); the overlay never counts (pointer-events: none). */
  hitTest(x: number, y: number): Element | null;
  root: Element;
}

const POINTER_ID = 1;

export class PointerDispatcher {
  private hovered: Element | null = null;
  private pressedOn: Element | null = null;
  private last = { x: 0, y: 0 };

  constructor(private readonly target: PointerTarget = { hitTest: (x, y) => document.elementFromPoint(x, y), root: document.documentElement }) {}

  get isDown(): boolean {
    return this.pressedOn !== null;
  }

  move(x: number, y: number): void {
    this.last = { x, y };
    const el = this.hover(x, y);
    this.fire(el, 'pointermove', x, y, { button: -1 });
  }

  down(x: number, y: number): void {
    this.last = { x, y };
    const el = this.hover(x, y);
    this.pressedOn = el;
    this.fire(el, 'pointerdown', x, y, { button: 0, buttons: 1, pressure: 0.5 });
  }

  /** Ends a press; `cancelled` (the hand vanished) sends pointercancel and no click. */
  up(x: number, y: number, cancelled = false): void {
    const down = this.pressedOn;
    this.pressedOn = null;
    if (!down) return;
    this.last = { x, y };
    const el = this.hover(x, y);
    if (cancelled) {
      this.fire(down.isConnected ? down : el, 'pointercancel', x, y, { button: -1 });
      return;
    }
    this.fire(el, 'pointerup', x, y, { button: 0 });
    const common = down.isConnected && el.isConnected ? commonAncestor(down, el) : null;
    if (common) this.fire(common, 'click', x, y, { button: 0, detail: 1 });
  }

  /** A press and release on the spot (a dwell). */
  click(x: number, y: number): void {
    this.down(x, y);
    this.up(x, y);
  }

  /** The cursor went away: leave whatever it was over. */
  leave(): void {
    if (this.pressedOn) this.up(this.last.x, this.last.y, true);
    if (!this.hovered) return;
    const old = this.hovered;
    this.hovered = null;
    if (old.isConnected) {
      this.fire(old, 'pointerout', this.last.x, this.last.y, { button: -1 });
      for (const el of ancestors(old)) this.fire(el, 'pointerleave', this.last.x, this.last.y, { button: -1 }, false);
    }
  }

  private hover(x: number, y: number): Element {
    const el = this.target.hitTest(x, y) ?? this.target.root;
    const old = this.hovered && this.hovered.isConnected ? this.hovered : null;
    if (el === old) return el;
    this.hovered = el;
    const oldChain = old ? ancestors(old) : [];
    const newChain = ancestors(el);
    if (old) {
      this.fire(old, 'pointerout', x, y, { button: -1 });
      for (const a of oldChain) if (!newChain.includes(a)) this.fire(a, 'pointerleave', x, y, { button: -1 }, false);
    }
    this.fire(el, 'pointerover', x, y, { button: -1 });
    for (const a of [...newChain].reverse()) if (!oldChain.includes(a)) this.fire(a, 'pointerenter', x, y, { button: -1 }, false);
    return el;
  }

  private fire(el: Element, type: string, x: number, y: number, init: { button: number; buttons?: number; pressure?: number; detail?: number }, bubbles = true): void {
    const pressed = this.pressedOn !== null;
    el.dispatchEvent(
      new PointerEvent(type, {
        bubbles,
        cancelable: bubbles,
        composed: true,
        clientX: x,
        clientY: y,
        screenX: x,
        screenY: y,
        pointerId: POINTER_ID,
        pointerType: 'mouse',
        isPrimary: true,
        width: 1,
        height: 1,
        button: init.button,
        buttons: init.buttons ?? (pressed ? 1 : 0),
        pressure: init.pressure ?? (pressed ? 0.5 : 0),
        detail: init.detail ?? 0,
        view: window,
      }),
    );
  }
}

/** The element and its ancestors, innermost first. */
function ancestors(el: Element): Element[] {
  const out: Element[] = [];
  for (let e: Element | null = el; e; e = e.parentElement) out.push(e);
  return out;
}

function commonAncestor(a: Element, b: Element): Element | null {
  const chain = ancestors(a);
  for (let e: Element | null = b; e; e = e.parentElement) if (chain.includes(e)) return e;
  return null;
}
