import type { Branding } from '../../../content/schema/branding.ts';

/** The pack's colours as CSS variables on the kiosk root. */
export function brandVars(branding: Branding | undefined): Record<string, string> {
  if (!branding) return {};
  return {
    '--brand-primary': branding.colours.primary,
    '--brand-accent': branding.colours.accent,
    '--brand-bg': branding.colours.background,
    '--brand-text': branding.colours.text,
  };
}
