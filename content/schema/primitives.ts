import { z } from 'zod';
import { isValidGtin } from './gtin.ts';

/** A record id a merchandiser chooses: lower-case letters, digits and dashes. */
export const RecordId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'use 1–64 lower-case letters, digits and dashes, e.g. "spring-sale"' });

/** A path inside the pack, always relative and forward-slashed (media/logo.png). */
export const PackPath = z
  .string()
  .regex(/^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._\-/]+$/, {
    message: 'use a relative path inside the pack with letters, digits, . _ - and / only, e.g. "media/logo.png"',
  })
  .max(200);

export const ImagePath = PackPath.regex(/\.(png|jpe?g|webp|svg)$/i, { message: 'images must be .png, .jpg, .webp or .svg' });
export const VideoPath = PackPath.regex(/\.(mp4|webm)$/i, { message: 'videos must be .mp4 or .webm' });

export const HexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'use a colour like #e60012' });

/** GTIN-14 with a valid check digit: the key of every product. */
export const Gtin14 = z
  .string()
  .regex(/^\d{14}$/, { message: 'a product key is 14 digits (pad EAN-13 with a leading 0)' })
  .refine(isValidGtin, { message: 'the last digit (GS1 check digit) is wrong' });

/** An ISO 8601 date-time with offset, e.g. 2026-12-01T00:00:00+08:00. */
export const IsoDateTime = z.iso.datetime({ offset: true, message: 'use a date-time like 2026-12-01T00:00:00+08:00' });
/** A calendar date, e.g. 2026-11-20. */
export const IsoDate = z.iso.date({ message: 'use a date like 2026-11-20' });

/** Money in minor units (fen for CNY): 1299 = ¥12.99. */
export const MinorUnits = z.number().int({ message: 'write prices in fen (whole number): 1299 means ¥12.99' }).min(0);

/** Clock time HH:MM in the kiosk's local time. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'use a time like 09:30' });
