// Reads the kiosk's settings file. A broken file never stops the kiosk: it runs on
// defaults and says, in health, what to fix.
import { DEFAULT_KIOSK_CONFIG, KioskConfig } from '../../content/schema/kiosk-config.ts';
import type { KioskSettings } from '../common/kiosk-settings.ts';
import { readJsonFile } from './json-file.ts';

// The boundary type and the schema must describe the same shape, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameShape: Same<KioskConfig, KioskSettings> = true;
void _sameShape;

export interface LoadedConfig {
  config: KioskSettings;
  /** Why the file was not used, in words an installer can act on; null when it was fine. */
  problem: string | null;
}

export async function loadKioskConfig(file: string): Promise<LoadedConfig> {
  let raw: unknown;
  try {
    raw = await readJsonFile(file);
  } catch (err) {
    return { config: DEFAULT_KIOSK_CONFIG, problem: `${file} is not valid JSON (${(err as Error).message}); running on default settings.` };
  }
  if (raw === undefined) return { config: DEFAULT_KIOSK_CONFIG, problem: null };
  const parsed = KioskConfig.safeParse(raw);
  if (parsed.success) return { config: parsed.data, problem: null };
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ');
  return { config: DEFAULT_KIOSK_CONFIG, problem: `${file} has invalid settings — ${issues}; running on default settings.` };
}
