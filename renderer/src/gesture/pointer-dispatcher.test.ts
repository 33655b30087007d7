// The dispatcher against a real DOM (happy-dom) and a real Vue component: what a button
// or a canvas listening for pointer events sees when the hand cursor uses it.
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { PointerDispatcher } from './pointer-dispatcher.ts';

/** Two buttons side by side, hit-tested by rectangle (happy-dom does no layout). */
function twoButtons() {
  document.body.innerHTML = '<main id="screen"><button id="a">A</button><button id="b">B</button><canvas id="game"></canvas></main>';
  const $ = (id: string) => document.getElementById(id)!;
  const hitTest = (x: number) => (x < 100 ? $('a') : x < 200 ? $('b') : x < 300 ? $('game') : $('screen'));
  return { $, dispatcher: new PointerDispatcher({ hitTest, root: document.documentElement }) };
}

function record(el: EventTarget, types: string[]) {
  const seen: string[] = [];
  for (const type of types) el.addEventListener(type, (e) => seen.push(`${type}:${(e as PointerEvent).pointerType}`));
  return seen;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('pointer dispatcher', () => {
  it('a pinch on a button is a click a Vue component handles', async () => {
    document.body.innerHTML = '<div id="app"></div>';
    const clicks = ref(0);
    const Tile = defineComponent(() => () => h('button', { id: 'tile', onClick: () => clicks.value++ }, 'Play'));
    const wrapper = mount(Tile, { attachTo: '#app' });
    const tile = document.getElementById('tile')!;
    const dispatcher = new PointerDispatcher({ hitTest: () => tile, root: document.documentElement });
    dispatcher.move(50, 50);
    dispatcher.down(50, 50);
    dispatcher.up(52, 51);
    expect(clicks.value).toBe(1);
    wrapper.unmount();
  });

  it('fires the browser’s sequence, as a mouse, bubbling to the window (the idle timer listens there)', () => {
    const { $, dispatcher } = twoButtons();
    const onButton = record($('a'), ['pointerover', 'pointerenter', 'pointermove', 'pointerdown', 'pointerup', 'click']);
    const onWindow = record(window, ['pointermove', 'pointerdown']);
    dispatcher.move(10, 10);
    dispatcher.click(12, 10);
    expect(onButton).toEqual(['pointerover:mouse', 'pointerenter:mouse', 'pointermove:mouse', 'pointerdown:mouse', 'pointerup:mouse', 'click:mouse']);
    expect(onWindow).toEqual(['pointermove:mouse', 'pointerdown:mouse']);
  });

  it('pressing on A and releasing on B clicks neither button', () => {
    const { $, dispatcher } = twoButtons();
    const a = record($('a'), ['click']);
    const b = record($('b'), ['click']);
    const screen = record($('screen'), ['click']);
    dispatcher.down(50, 10);
    dispatcher.move(150, 10);
    dispatcher.up(150, 10);
    expect(a).toEqual([]);
    expect(b).toEqual([]);
    expect(screen).toEqual(['click:mouse']);
  });

  it('a canvas game sees down, moves with the button held, and up at the cursor', () => {
    const { $, dispatcher } = twoButtons();
    const game = $('game');
    const seen: string[] = [];
    for (const type of ['pointerdown', 'pointermove', 'pointerup']) {
      game.addEventListener(type, (e) => {
        const p = e as PointerEvent;
        seen.push(`${type}@${p.clientX},${p.clientY} buttons=${p.buttons}`);
      });
    }
    dispatcher.down(250, 40);
    dispatcher.move(260, 45);
    dispatcher.up(270, 50);
    expect(seen).toEqual(['pointerdown@250,40 buttons=1', 'pointermove@260,45 buttons=1', 'pointerup@270,50 buttons=0']);
  });

  it('a press cut short by the hand vanishing is cancelled, without a click', () => {
    const { $, dispatcher } = twoButtons();
    const seen = record($('a'), ['pointercancel', 'pointerup', 'click', 'pointerout', 'pointerleave']);
    dispatcher.down(10, 10);
    dispatcher.leave();
    expect(seen).toEqual(['pointercancel:mouse', 'pointerout:mouse', 'pointerleave:mouse']);
  });

  it('moving from A to B leaves A and enters B', () => {
    const { $, dispatcher } = twoButtons();
    const a = record($('a'), ['pointerout', 'pointerleave']);
    const b = record($('b'), ['pointerover', 'pointerenter']);
    const screen = record($('screen'), ['pointerleave']);
    dispatcher.move(10, 10);
    dispatcher.move(150, 10);
    expect(a).toEqual(['pointerout:mouse', 'pointerleave:mouse']);
    expect(b).toEqual(['pointerover:mouse', 'pointerenter:mouse']);
    expect(screen).toEqual([]);
  });
});
