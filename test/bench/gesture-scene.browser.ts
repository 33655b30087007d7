// A pixi.js scene standing in for a mini-game in the gesture benchmark: a few hundred
// sprites moving and spinning on a full-screen canvas, drawn every frame. Injected into
// the running kiosk page, so the hand model, the cursor and the game share the machine
// as they would on a smart window. Bundled by gesture.bench.ts.
import { Application, Graphics, Sprite } from 'pixi.js';

declare global {
  interface Window {
    __gestureScene?: { start(count: number): Promise<void>; fps(ms: number): Promise<{ fps: number; longFrames: number; frames: number }>; stop(): void };
  }
}

let app: Application | null = null;

window.__gestureScene = {
  async start(count) {
    app = new Application();
    await app.init({ resizeTo: window, background: '#12202c', antialias: false, preference: 'webgl' });
    Object.assign(app.canvas.style, { position: 'fixed', inset: '0', zIndex: '500' });
    document.body.appendChild(app.canvas);
    const texture = app.renderer.generateTexture(new Graphics().circle(0, 0, 24).fill('#f39c12').circle(8, -6, 8).fill('#ffffff'));
    const sprites = Array.from({ length: count }, (_, i) => {
      const s = new Sprite(texture);
      s.anchor.set(0.5);
      s.position.set(Math.random() * window.innerWidth, Math.random() * window.innerHeight);
      app!.stage.addChild(s);
      return { s, vx: Math.cos(i) * 3, vy: Math.sin(i * 1.3) * 3 };
    });
    app.ticker.add((ticker) => {
      const w = window.innerWidth;
      const h = window.innerHeight;
      for (const p of sprites) {
        p.s.x += p.vx * ticker.deltaTime;
        p.s.y += p.vy * ticker.deltaTime;
        if (p.s.x < 0 || p.s.x > w) p.vx = -p.vx;
        if (p.s.y < 0 || p.s.y > h) p.vy = -p.vy;
        p.s.rotation += 0.02 * ticker.deltaTime;
      }
    });
  },
  fps(ms) {
    return new Promise((resolve) => {
      const start = performance.now();
      let last = start;
      let frames = 0;
      let longFrames = 0;
      const tick = (now: number) => {
        frames++;
        if (now - last > 50) longFrames++;
        last = now;
        if (now - start < ms) requestAnimationFrame(tick);
        else resolve({ fps: (frames * 1000) / (now - start), longFrames, frames });
      };
      requestAnimationFrame(tick);
    });
  },
  stop() {
    app?.destroy(true, { children: true, texture: true });
    app = null;
  },
};
