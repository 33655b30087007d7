// The content pack the screens show, as they use it: branding, what runs in this
// daypart, offers, and URLs of its media. (Packs installed on disk are main's PackStore.)
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { ActivePack } from '../../../electron/common/kiosk-api.ts';
import { activeDaypart, localClock } from '../../../content/schema/schedule.ts';
import { emitAppEvent } from '../test-hook/app-events.ts';
import { loadPackData, type PackData } from './pack-data.ts';

export const useShownPackStore = defineStore('pack', () => {
  const data = shallowRef<PackData | null>(null);
  const active = shallowRef<ActivePack | null>(null);
  const error = ref<string | null>(null);
  /** Ticks every minute so dayparts and offer validity follow the clock. */
  const clock = ref(new Date());

  async function load(pack: ActivePack | null): Promise<void> {
    if (!pack) {
      data.value = null;
      active.value = null;
      error.value = 'No content pack is active.';
      emitAppEvent('pack-missing');
      return;
    }
    try {
      data.value = await loadPackData(pack.baseUrl);
      active.value = pack;
      error.value = null;
      emitAppEvent('pack-loaded', { packId: pack.packId, version: pack.version, activation: pack.activation });
    } catch (err) {
      error.value = (err as Error).message;
      emitAppEvent('pack-error', { message: error.value });
      throw err;
    }
  }

  const daypart = computed(() => (data.value ? activeDaypart(data.value.manifest.schedule, localClock(clock.value)) : null));
  const playlist = computed(() => data.value?.playlists.find((p) => p.id === daypart.value?.playlist) ?? data.value?.playlists[0] ?? null);
  const games = computed(() => {
    const ids = daypart.value?.games ?? [];
    return (data.value?.games ?? []).filter((g) => ids.includes(g.id));
  });
  const currentPromotions = computed(() => {
    const now = clock.value.getTime();
    return (data.value?.promotions ?? []).filter(
      (p) => (!p.validFrom || Date.parse(p.validFrom) <= now) && (!p.validTo || Date.parse(p.validTo) > now),
    );
  });

  function assetUrl(path: string | undefined): string | undefined {
    return path && data.value ? data.value.baseUrl + path : undefined;
  }

  function tick(now = new Date()): void {
    clock.value = now;
  }

  return { data, active, error, daypart, playlist, games, currentPromotions, assetUrl, load, tick };
});
