// Text styles shared by every game session for the life of the app. pixi caches text
// measurements by style instance, so a fresh style per session would leave entries
// behind each time; a kiosk plays thousands of sessions. These are never destroyed.
import { TextStyle, type TextStyleOptions } from 'pixi.js';

const MAX_STYLES = 64;
const shared = new Map<string, TextStyle>();

export function sharedTextStyle(options: TextStyleOptions): TextStyle {
  const key = JSON.stringify(options);
  let style = shared.get(key);
  if (!style) {
    // Packs change colours now and then; old styles just drop out (a Text still using one keeps it alive).
    if (shared.size >= MAX_STYLES) shared.delete(shared.keys().next().value!);
    style = new TextStyle(options);
    shared.set(key, style);
  }
  return style;
}
