import { z } from 'zod';
import { LocalizedText } from './localized.ts';
import { mediaSource } from './media-variants.ts';
import { Gtin14, ImagePath, IsoDateTime, RecordId } from './primitives.ts';

/** An offer shown on "See offers" and on the pages of the products it covers. */
export const Promotion = z
  .object({
    id: RecordId,
    title: LocalizedText,
    body: LocalizedText.optional(),
    badge: LocalizedText.optional(),
    /** The banner: one file, or variants per orientation and language (media-variants.ts). */
    image: mediaSource(ImagePath).optional(),
    validFrom: IsoDateTime.optional(),
    validTo: IsoDateTime.optional(),
    products: z.array(Gtin14).max(500).default([]),
  })
  .strict();
export type Promotion = z.infer<typeof Promotion>;
