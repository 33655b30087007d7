import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { dispatchSwipe, useSwipeActions } from './swipe-actions.ts';

/** A screen that pages; with `nextOnly` it has no "previous". */
const Pager = defineComponent({
  props: { nextOnly: { type: Boolean, default: false } },
  setup(props) {
    const page = ref(1);
    useSwipeActions(props.nextOnly ? { next: () => page.value++ } : { next: () => page.value++, previous: () => page.value-- });
    return () => h('p', `page ${page.value}`);
  },
});

describe('swipe actions', () => {
  it('a swipe left shows the next page, right the previous one', async () => {
    const wrapper = mount(Pager);
    expect(dispatchSwipe('left')).toBe(true);
    expect(dispatchSwipe('left')).toBe(true);
    expect(dispatchSwipe('right')).toBe(true);
    await wrapper.vm.$nextTick();
    expect(wrapper.text()).toBe('page 2');
    wrapper.unmount();
  });

  it('with no screen listening, nobody acts and the dispatcher is told so', () => {
    const wrapper = mount(Pager);
    wrapper.unmount();
    expect(dispatchSwipe('left')).toBe(false);
  });

  it('a screen with only "next" leaves "previous" unhandled', () => {
    const wrapper = mount(Pager, { props: { nextOnly: true } });
    expect(dispatchSwipe('left')).toBe(true);
    expect(dispatchSwipe('right')).toBe(false);
    wrapper.unmount();
  });
});
