import { z } from 'zod';
import { LocalizedText } from './localized.ts';
import { mediaSource } from './media-variants.ts';
import { HexColour, ImagePath } from './primitives.ts';

export const Branding = z
  .object({
    storeName: LocalizedText,
    logo: mediaSource(ImagePath).optional(),
    /** The line on the attract screen that invites a shopper in. */
    callToAction: LocalizedText.optional(),
    colours: z.object({ primary: HexColour, accent: HexColour, background: HexColour, text: HexColour }).strict(),
    currency: z.string().regex(/^[A-Z]{3}$/, { message: 'use an ISO currency code such as CNY' }).default('CNY'),
    /** "Continue on your phone" link for a product; {gtin} is replaced by the 14-digit key. */
    productUrlTemplate: z.string().url().includes('{gtin}', { message: 'the link must contain {gtin}' }).optional(),
  })
  .strict();
export type Branding = z.infer<typeof Branding>;
