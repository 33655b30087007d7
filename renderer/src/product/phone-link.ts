// "Continue on your phone": the pack's product link with the GTIN filled in.

/** The link for a product, or null when the pack has no template (or it is not a web link). */
export function phoneLink(template: string | undefined, gtin: string): string | null {
  if (!template) return null;
  const url = template.replaceAll('{gtin}', encodeURIComponent(gtin));
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
