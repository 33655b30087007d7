// URLs of the pack's pictures and videos as this screen should show them: the variant for
// the shopper's language and the screen's orientation (content/schema/media-variants.ts),
// switching when either changes.
import { useI18n } from 'vue-i18n';
import type { Locale } from '../../../content/schema/localized.ts';
import { pickMedia, type MediaSource } from '../../../content/schema/media-variants.ts';
import { useScreenOrientation } from './screen-orientation.ts';
import { useShownPackStore } from './shown-pack-store.ts';

export interface MediaUrls {
  /** The URL of the file to show, or undefined when there is none (or no pack). */
  url: (source: MediaSource | undefined) => string | undefined;
  /** Whether the file shown was made for this orientation (so it may fill the screen). */
  madeForShape: (source: MediaSource | undefined) => boolean;
}

export function useMediaUrl(): MediaUrls {
  const { locale } = useI18n();
  const orientation = useScreenOrientation();
  const pack = useShownPackStore();
  const pick = (source: MediaSource) => pickMedia(source, { locale: locale.value as Locale, orientation: orientation.value });
  return {
    url: (source) => (source === undefined ? undefined : pack.assetUrl(pick(source).path)),
    madeForShape: (source) => source !== undefined && pick(source).forOrientation,
  };
}
