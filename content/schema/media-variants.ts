// A picture or video a record points at: either one file ("media/banner.webp", as packs
// have always written it) or a set of variants for the screen's shape and the shopper's
// language, with a default:
//
//   { "src": "media/a.webp", "portrait": "media/a-9x16.webp",
//     "en": { "src": "media/a-en.webp", "portrait": "media/a-en-9x16.webp" } }
//
// The kiosk picks, in order: the language's file for this orientation → the language's
// file → this orientation's file → src.
import { z } from 'zod';
import { LOCALES, type Locale } from './localized.ts';

export const ORIENTATIONS = ['portrait', 'landscape'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

/** The keys that name a file besides the default `src`, in the order a form lists them. */
export const MEDIA_VARIANT_KEYS = [...ORIENTATIONS, ...LOCALES] as const;
export type MediaVariantKey = (typeof MEDIA_VARIANT_KEYS)[number];

const SHAPE_KEYS = ['src', ...ORIENTATIONS] as const;
const VARIANT_KEYS = ['src', ...MEDIA_VARIANT_KEYS] as const;
const quoted = (keys: readonly string[]) => keys.map((k) => `"${k}"`).join(', ');

function unknownKeyMessage(keys: readonly string[], allowed: readonly string[]): string {
  const named = keys.map((k) => `"${k}"`).join(', ');
  return `${named} ${keys.length === 1 ? 'is not a variant' : 'are not variants'}: use only ${quoted(allowed)} (e.g. { "src": "media/a.webp", "portrait": "media/a-9x16.webp", "en": "media/a-en.webp" })`;
}

/** The files of one language: a plain path, or per-orientation files with an optional src. */
function localeVariants<P extends z.ZodType<string>>(path: P) {
  const shapes = z
    .strictObject(
      { src: path.optional(), portrait: path.optional(), landscape: path.optional() },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKeyMessage(issue.keys, SHAPE_KEYS) : undefined) },
    )
    .refine((v) => v.src !== undefined || v.portrait !== undefined || v.landscape !== undefined, {
      message: `name at least one file for this language: ${quoted(SHAPE_KEYS)}`,
    });
  return z.union([path, shapes]);
}

/** A media reference whose files must each pass `path` (ImagePath or VideoPath). */
export function mediaSource<P extends z.ZodType<string>>(path: P) {
  const perLocale = localeVariants(path);
  const variants = z.strictObject(
    // `satisfies`: a key added here and not to MEDIA_VARIANT_KEYS (or the other way round) does not compile.
    { src: path, portrait: path.optional(), landscape: path.optional(), 'zh-CN': perLocale.optional(), en: perLocale.optional() } satisfies Record<(typeof VARIANT_KEYS)[number], z.ZodType>,
    { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKeyMessage(issue.keys, VARIANT_KEYS) : undefined) },
  );
  return z.union([path, variants], {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? 'name a file, e.g. "media/a.webp", or variants with a default "src", e.g. { "src": "media/a.webp", "portrait": "media/a-9x16.webp", "en": "media/a-en.webp" }'
        : undefined,
  });
}

export interface ShapeVariants {
  src?: string | undefined;
  portrait?: string | undefined;
  landscape?: string | undefined;
}
export interface MediaVariants {
  src: string;
  portrait?: string | undefined;
  landscape?: string | undefined;
  'zh-CN'?: string | ShapeVariants | undefined;
  en?: string | ShapeVariants | undefined;
}
/** What a record holds where it names a picture or video. */
export type MediaSource = string | MediaVariants;

/** Where the screen shows a reference: the shopper's language and the screen's shape. */
export interface MediaContext {
  locale: Locale;
  orientation: Orientation;
}

const shapesOf = (v: string | ShapeVariants | undefined): ShapeVariants => (typeof v === 'string' ? { src: v } : (v ?? {}));

export interface PickedMedia {
  path: string;
  /** The file was made for this orientation (a portrait or landscape variant). */
  forOrientation: boolean;
}

/** The one file to show: language + orientation → language → orientation → src. */
export function pickMedia(source: MediaSource, context: MediaContext): PickedMedia {
  if (typeof source === 'string') return { path: source, forOrientation: false };
  const locale = shapesOf(source[context.locale]);
  const shaped = locale[context.orientation];
  if (shaped !== undefined) return { path: shaped, forOrientation: true };
  if (locale.src !== undefined) return { path: locale.src, forOrientation: false };
  const general = source[context.orientation];
  return general !== undefined ? { path: general, forOrientation: true } : { path: source.src, forOrientation: false };
}

export const resolveMedia = (source: MediaSource, context: MediaContext): string => pickMedia(source, context).path;

export interface MediaVariantPath {
  /** Where in the reference, as written in the pack: "" for a plain path, else "src", "portrait", "en", "en.portrait"… */
  variant: string;
  path: string;
}

/** Every file a reference names, each with the variant that names it. */
export function mediaVariantPaths(source: MediaSource | undefined): MediaVariantPath[] {
  if (source === undefined) return [];
  if (typeof source === 'string') return [{ variant: '', path: source }];
  const out: MediaVariantPath[] = [];
  for (const key of SHAPE_KEYS) {
    const path = source[key];
    if (path !== undefined) out.push({ variant: key, path });
  }
  for (const locale of LOCALES) {
    const value = source[locale];
    if (typeof value === 'string') out.push({ variant: locale, path: value });
    else if (value) {
      for (const key of SHAPE_KEYS) {
        const path = value[key];
        if (path !== undefined) out.push({ variant: `${locale}.${key}`, path });
      }
    }
  }
  return out;
}

/** The default file of a reference (what a kiosk shows with no better match). */
export const defaultMedia = (source: MediaSource): string => (typeof source === 'string' ? source : source.src);

/** The reference with its default file replaced, its variants kept (a form that edits the default). */
export const withDefaultMedia = (source: MediaSource | undefined, path: string): MediaSource =>
  source === undefined || typeof source === 'string' ? path : { ...source, src: path };

const isLocale = (key: MediaVariantKey): key is Locale => (LOCALES as readonly string[]).includes(key);

/**
 * The file one variant names, or undefined. A language given as per-orientation files
 * names its own `src` here (its orientation files are listed by mediaVariantPaths).
 */
export function mediaVariant(source: MediaSource | undefined, key: MediaVariantKey): string | undefined {
  if (source === undefined || typeof source === 'string') return undefined;
  const value = source[key];
  return typeof value === 'object' ? value.src : value;
}

/** One language's files with its own `src` set or removed; undefined when none is left, a plain path when only `src` is. */
function withLocaleSrc(value: string | ShapeVariants | undefined, path: string | undefined): string | ShapeVariants | undefined {
  const files: ShapeVariants = { src: path };
  if (typeof value === 'object') for (const o of ORIENTATIONS) files[o] = value[o];
  const named = SHAPE_KEYS.filter((k) => files[k] !== undefined);
  if (named.length === 0) return undefined;
  if (named.length === 1 && path !== undefined) return path;
  return Object.fromEntries(named.map((k) => [k, files[k]])) as ShapeVariants;
}

/**
 * The reference with one variant set (a path) or removed (undefined), every other file kept.
 * A plain path becomes the default `src` of the variants; removing the last variant gives
 * the plain path back. For a language given as per-orientation files, its `src` is set or
 * removed and its orientation files are kept. Keys come out in the schema's order.
 */
export function withMediaVariant(source: MediaSource, key: MediaVariantKey, path: string | undefined): MediaSource {
  const all: MediaVariants = typeof source === 'string' ? { src: source } : { ...source };
  if (isLocale(key)) all[key] = withLocaleSrc(all[key], path);
  else all[key] = path;
  const named = MEDIA_VARIANT_KEYS.filter((k) => all[k] !== undefined);
  if (named.length === 0) return all.src;
  return Object.fromEntries(VARIANT_KEYS.filter((k) => all[k] !== undefined).map((k) => [k, all[k]])) as unknown as MediaVariants;
}
