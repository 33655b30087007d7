// "Promotion Viewed" for the offers a shopper saw: once each time a list of offers comes
// on screen (the offers screen, or a product page's offers), in the order shown.
import { watch, type WatchSource } from 'vue';
import { localize } from '../../../content/schema/localized.ts';
import type { Promotion } from '../../../content/schema/promotion.ts';
import type { EventCatalogue } from '../../../content/schema/events/tracking-plan.ts';
import { afterPaint } from '../components/after-paint.ts';
import { useTracker } from '../events/tracker.ts';
import { emitAppEvent } from '../test-hook/app-events.ts';

export function promotionViewedProperties(offer: Promotion, position: number, via: 'offers' | 'product'): EventCatalogue['Promotion Viewed'] {
  // One name per offer for reporting, whatever language the shopper chose.
  return { promotion_id: offer.id, name: localize(offer.title, 'zh-CN'), position, via };
}

/** Records the offers in `source` whenever the set on screen changes (and when first shown). */
export function useTrackPromotionViews(source: WatchSource<readonly Promotion[]>, via: 'offers' | 'product'): void {
  const tracker = useTracker();
  watch(
    source,
    (offers, before) => {
      const key = (list: readonly Promotion[] | undefined) => list?.map((o) => o.id).join('\n');
      if (key(offers) === key(before)) return;
      // Recorded once they are on screen: the outbox's write would hold up the page's first frame.
      const shown = offers.map((offer, i) => promotionViewedProperties(offer, i + 1, via));
      void afterPaint().then(() => {
        for (const properties of shown) {
          tracker.track('Promotion Viewed', properties).catch((err: unknown) => emitAppEvent('track-failed', { event: 'Promotion Viewed', message: String(err) }));
        }
      });
    },
    { immediate: true },
  );
}
