import { z } from 'zod';
import { localize, LocalizedText, type Locale } from './localized.ts';
import { Gtin14, ImagePath, IsoDate, MinorUnits, RecordId } from './primitives.ts';

/**
 * A brand as shoppers read it: one name (written as the brand writes it, shown in every
 * language) or a name per language ({ "zh-CN": "鲜选果园", "en": "FreshPick Orchards" }).
 */
export const ProductBrand = z.union([z.string().max(80), LocalizedText], {
  error: (issue) =>
    issue.code === 'invalid_union' ? 'a brand is one name of at most 80 characters, or a name per language with the Chinese one' : undefined,
});
export type ProductBrand = z.infer<typeof ProductBrand>;

/** The brand's name in `locale` (English falls back to the Chinese name); '' when there is none. */
export function brandName(brand: ProductBrand | undefined, locale: Locale): string {
  return typeof brand === 'string' ? brand : localize(brand, locale);
}

export const ProductSpec = z.object({ label: LocalizedText, value: LocalizedText }).strict();

/** One step of a product's journey (one-item-one-code traceability). */
export const TraceStep = z
  .object({ date: IsoDate, label: LocalizedText, place: LocalizedText.optional() })
  .strict();

export const Origin = z
  .object({
    story: LocalizedText.optional(),
    farm: LocalizedText.optional(),
    region: LocalizedText.optional(),
    batch: z.string().max(40).optional(),
    producedOn: IsoDate.optional(),
    certifications: z.array(z.string().max(60)).max(10).default([]),
    steps: z.array(TraceStep).max(20).default([]),
  })
  .strict();

export const Product = z
  .object({
    gtin: Gtin14,
    /** Other codes that find this product: other GTINs, store SKUs, PLUs. */
    codes: z.array(z.string().regex(/^[0-9A-Za-z\-_.]{1,48}$/, { message: 'codes are 1–48 letters, digits, - _ .' })).max(20).default([]),
    category: RecordId,
    brand: ProductBrand.optional(),
    name: LocalizedText,
    description: LocalizedText.optional(),
    unit: LocalizedText.optional(),
    price: MinorUnits,
    promoPrice: MinorUnits.optional(),
    images: z.array(ImagePath).max(8).default([]),
    specs: z.array(ProductSpec).max(30).default([]),
    origin: Origin.optional(),
    related: z.array(Gtin14).max(12).default([]),
  })
  .strict()
  .refine((p) => p.promoPrice === undefined || p.promoPrice < p.price, {
    message: 'the promo price must be lower than the price',
    path: ['promoPrice'],
  });
export type Product = z.infer<typeof Product>;

export const Category = z.object({ id: RecordId, name: LocalizedText, icon: ImagePath.optional() }).strict();
export type Category = z.infer<typeof Category>;
