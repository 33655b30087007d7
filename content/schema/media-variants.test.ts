import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Branding } from './branding.ts';
import { MEDIA_VARIANT_KEYS, mediaSource, mediaVariant, mediaVariantPaths, pickMedia, resolveMedia, withDefaultMedia, withMediaVariant, type MediaSource } from './media-variants.ts';
import { Playlist } from './playlist.ts';
import { Promotion } from './promotion.ts';

const offer = (image: unknown) => Promotion.safeParse({ id: 'fruit', title: { 'zh-CN': '鲜果节' }, image });
const messages = (image: unknown) => {
  const result = offer(image);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('a media reference in a pack', () => {
  it('may be one file, as packs have always written it', () => {
    expect(offer('media/fruit.webp')).toMatchObject({ success: true, data: { image: 'media/fruit.webp' } });
    const slide = Playlist.parse({ id: 'day', items: [{ kind: 'image', src: 'media/a.png' }, { kind: 'video', src: 'media/a.mp4' }] });
    expect(slide.items.map((i) => i.src)).toEqual(['media/a.png', 'media/a.mp4']);
  });

  it('may be variants per orientation and language, each a file or per-orientation files', () => {
    const image = { src: 'media/a.png', portrait: 'media/a-9x16.png', 'zh-CN': 'media/a-zh.png', en: { src: 'media/a-en.png', portrait: 'media/a-en-9x16.png' } };
    expect(offer(image)).toMatchObject({ success: true, data: { image } });
    expect(Branding.shape.logo.safeParse({ src: 'media/logo.png', landscape: 'media/logo-wide.png' }).success).toBe(true);
  });

  it('refuses a variant it does not know, naming it and the ones it does', () => {
    expect(messages({ src: 'media/a.png', fr: 'media/a-fr.png' })).toEqual([
      'image: "fr" is not a variant: use only "src", "portrait", "landscape", "zh-CN", "en" (e.g. { "src": "media/a.webp", "portrait": "media/a-9x16.webp", "en": "media/a-en.webp" })',
    ]);
    expect(messages({ src: 'media/a.png', en: { src: 'media/a-en.png', square: 'media/a-sq.png' } })).toEqual([
      expect.stringMatching(/^image\.en: "square" is not a variant: use only "src", "portrait", "landscape"/),
    ]);
  });

  it('asks for the default file when variants have none, and checks every file like a plain path', () => {
    expect(messages({ portrait: 'media/a-9x16.png' })).toEqual([expect.stringMatching(/^image: name a file, e\.g\. "media\/a\.webp", or variants with a default "src"/)]);
    expect(messages({ src: 'media/a.png', portrait: 'media/a.gif' })).toEqual(['image.portrait: images must be .png, .jpg, .webp or .svg']);
    expect(messages({ src: 'media/a.png', en: {} })).toEqual(['image.en: name at least one file for this language: "src", "portrait", "landscape"']);
    expect(Playlist.safeParse({ id: 'day', items: [{ kind: 'video', src: { src: 'media/a.mp4', portrait: 'media/a.png' } }] }).success).toBe(false);
  });
});

describe('which file the kiosk shows', () => {
  const full: MediaSource = {
    src: 'default.png',
    portrait: 'portrait.png',
    en: { src: 'en.png', landscape: 'en-landscape.png' },
  };

  it('takes language and orientation, then language, then orientation, then the default', () => {
    expect(resolveMedia(full, { locale: 'en', orientation: 'landscape' })).toBe('en-landscape.png');
    expect(resolveMedia(full, { locale: 'en', orientation: 'portrait' })).toBe('en.png');
    expect(resolveMedia(full, { locale: 'zh-CN', orientation: 'portrait' })).toBe('portrait.png');
    expect(resolveMedia(full, { locale: 'zh-CN', orientation: 'landscape' })).toBe('default.png');
  });

  it('falls back to the orientation when the language has only other shapes', () => {
    const source: MediaSource = { src: 'default.png', portrait: 'portrait.png', en: { landscape: 'en-landscape.png' } };
    expect(resolveMedia(source, { locale: 'en', orientation: 'portrait' })).toBe('portrait.png');
    expect(resolveMedia({ src: 'default.png', en: { portrait: 'en-p.png' } }, { locale: 'en', orientation: 'landscape' })).toBe('default.png');
  });

  it('shows a plain path everywhere, and a language given as one file in both orientations', () => {
    expect(resolveMedia('media/a.png', { locale: 'en', orientation: 'portrait' })).toBe('media/a.png');
    const source: MediaSource = { src: 'zh.png', en: 'en.png' };
    expect(resolveMedia(source, { locale: 'en', orientation: 'portrait' })).toBe('en.png');
    expect(resolveMedia(source, { locale: 'zh-CN', orientation: 'portrait' })).toBe('zh.png');
  });

  it('says whether the file was made for the screen shape', () => {
    expect(pickMedia(full, { locale: 'zh-CN', orientation: 'portrait' }).forOrientation).toBe(true);
    expect(pickMedia(full, { locale: 'en', orientation: 'portrait' }).forOrientation).toBe(false);
    expect(pickMedia(full, { locale: 'en', orientation: 'landscape' }).forOrientation).toBe(true);
    expect(pickMedia('a.png', { locale: 'en', orientation: 'landscape' }).forOrientation).toBe(false);
  });
});

describe('the files a reference names', () => {
  it('lists every variant with where it is written', () => {
    expect(mediaVariantPaths({ src: 'a.png', landscape: 'b.png', 'zh-CN': 'c.png', en: { src: 'd.png', portrait: 'e.png' } })).toEqual([
      { variant: 'src', path: 'a.png' },
      { variant: 'landscape', path: 'b.png' },
      { variant: 'zh-CN', path: 'c.png' },
      { variant: 'en.src', path: 'd.png' },
      { variant: 'en.portrait', path: 'e.png' },
    ]);
    expect(mediaVariantPaths('a.png')).toEqual([{ variant: '', path: 'a.png' }]);
    expect(mediaVariantPaths(undefined)).toEqual([]);
  });

  it('replaces only the default when a form edits it', () => {
    expect(withDefaultMedia({ src: 'a.png', en: 'b.png' }, 'c.png')).toEqual({ src: 'c.png', en: 'b.png' });
    expect(withDefaultMedia('a.png', 'c.png')).toBe('c.png');
  });
});

describe('a form that edits one variant', () => {
  it('lists the variants the schema accepts besides the default, in display order', () => {
    expect(MEDIA_VARIANT_KEYS).toEqual(['portrait', 'landscape', 'zh-CN', 'en']);
    const variants = mediaSource(z.string()).options[1];
    expect(Object.keys(variants.shape)).toEqual(['src', ...MEDIA_VARIANT_KEYS]);
  });

  it('reads the file a variant names', () => {
    const source: MediaSource = { src: 'a.png', portrait: 'p.png', 'zh-CN': 'zh.png', en: { src: 'en.png', landscape: 'en-l.png' } };
    expect(MEDIA_VARIANT_KEYS.map((k) => mediaVariant(source, k))).toEqual(['p.png', undefined, 'zh.png', 'en.png']);
    expect(mediaVariant({ src: 'a.png', en: { portrait: 'en-p.png' } }, 'en')).toBeUndefined();
    expect(mediaVariant('a.png', 'en')).toBeUndefined();
    expect(mediaVariant(undefined, 'portrait')).toBeUndefined();
  });

  it('turns a plain path into its default when a variant is given, and back when the last one is removed', () => {
    const withEnglish = withMediaVariant('media/a.webp', 'en', 'media/a-en.webp');
    expect(withEnglish).toEqual({ src: 'media/a.webp', en: 'media/a-en.webp' });
    expect(withMediaVariant(withEnglish, 'en', undefined)).toBe('media/a.webp');
    expect(withMediaVariant('media/a.webp', 'portrait', undefined)).toBe('media/a.webp');
  });

  it('sets or removes one variant and keeps the others, in the schema’s order', () => {
    const source: MediaSource = { src: 'a.png', en: 'en.png' };
    const both = withMediaVariant(source, 'portrait', 'p.png');
    expect(JSON.stringify(both)).toBe('{"src":"a.png","portrait":"p.png","en":"en.png"}');
    expect(withMediaVariant(both, 'en', 'en2.png')).toEqual({ src: 'a.png', portrait: 'p.png', en: 'en2.png' });
    expect(withMediaVariant(both, 'portrait', undefined)).toEqual({ src: 'a.png', en: 'en.png' });
    expect(source).toEqual({ src: 'a.png', en: 'en.png' });
  });

  it('keeps a language’s per-orientation files when its own file changes, and another variant’s edit leaves them alone', () => {
    const nested: MediaSource = { src: 'a.png', en: { src: 'en.png', portrait: 'en-p.png' } };
    expect(withMediaVariant(nested, 'landscape', 'l.png')).toEqual({ src: 'a.png', landscape: 'l.png', en: { src: 'en.png', portrait: 'en-p.png' } });
    expect(withMediaVariant(nested, 'en', 'en2.png')).toEqual({ src: 'a.png', en: { src: 'en2.png', portrait: 'en-p.png' } });
    expect(withMediaVariant(nested, 'en', undefined)).toEqual({ src: 'a.png', en: { portrait: 'en-p.png' } });
    expect(withMediaVariant({ src: 'a.png', en: { portrait: 'en-p.png' } }, 'en', 'en.png')).toEqual({ src: 'a.png', en: { src: 'en.png', portrait: 'en-p.png' } });
    // What the edit gives is still a reference the pack format takes.
    expect(offer(withMediaVariant(nested, 'en', undefined)).success).toBe(true);
  });
});

describe('media variants in the JSON Schema', () => {
  it('accepts both forms and refuses an unknown variant, as the zod schema does', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const { packJsonSchemas } = await import('./json-schema.ts');
    const validate = new Ajv2020({ strict: false, logger: false }).compile(packJsonSchemas()['promotions.schema.json']);
    const offers = (image: unknown) => [{ id: 'fruit', title: { 'zh-CN': '鲜果节' }, image }];
    expect(validate(offers('media/a.png'))).toBe(true);
    expect(validate(offers({ src: 'media/a.png', portrait: 'media/a-9x16.png', en: { src: 'media/a-en.png' } }))).toBe(true);
    expect(validate(offers({ src: 'media/a.png', fr: 'media/a-fr.png' }))).toBe(false);
  });
});
