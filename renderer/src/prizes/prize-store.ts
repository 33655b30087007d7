// The kiosk's one prize desk: the ledger database opened once, this shopper's tally
// (cleared when their session ends), the campaigns of the active pack, the clock.
import { defineStore } from 'pinia';
import { markRaw } from 'vue';
import { useShownPackStore } from '../pack/shown-pack-store.ts';
import { useSessionStore } from '../session/session-store.ts';
import { createPrizeDesk, createSessionTally } from './prize-desk.ts';
import { PrizeLedger } from './prize-ledger.ts';
import { newSeed } from './seeded-random.ts';

export const usePrizeStore = defineStore('prizes', () => {
  const pack = useShownPackStore();
  const session = markRaw(createSessionTally());
  useSessionStore().onReset(() => session.clear());
  const desk = markRaw(createPrizeDesk({ ledger: new PrizeLedger(), session, campaigns: () => pack.data?.campaigns ?? [], now: () => new Date(), newSeed }));
  return { desk };
});
