// The kiosk's one prize desk: the ledger database opened once, the campaigns of the
// active pack, the clock.
import { defineStore } from 'pinia';
import { markRaw } from 'vue';
import { useShownPackStore } from '../pack/shown-pack-store.ts';
import { createPrizeDesk } from './prize-desk.ts';
import { PrizeLedger } from './prize-ledger.ts';
import { newSeed } from './seeded-random.ts';

export const usePrizeStore = defineStore('prizes', () => {
  const pack = useShownPackStore();
  const desk = markRaw(createPrizeDesk({ ledger: new PrizeLedger(), campaigns: () => pack.data?.campaigns ?? [], now: () => new Date(), newSeed }));
  return { desk };
});
