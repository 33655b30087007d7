// The Electron fuses a packaged kiosk must have: electron-builder.yml's `electronFuses`,
// read back from the built binary with @electron/fuses — what is burnt into the file,
// not what the configuration asked for.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import yaml from 'js-yaml';

/** How the wire holds a fuse: the characters '1' and '0' (@electron/fuses's FuseState, not exported). */
const ENABLED = 0x31;
const DISABLED = 0x30;

/** electron-builder's names for the fuses. */
const FUSE_NAMES: Record<string, FuseV1Options> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

/** The fuses electron-builder.yml asks for, by electron-builder's name. */
export async function configuredFuses(repo: string): Promise<Record<string, boolean>> {
  const config = yaml.load(await readFile(path.join(repo, 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, boolean> };
  if (!config.electronFuses) throw new Error('electron-builder.yml sets no electronFuses');
  return config.electronFuses;
}

/** Each fuse of `wanted` that the binary does not have as asked, said plainly; empty when all match. */
export async function fuseMismatches(binary: string, wanted: Record<string, boolean>): Promise<string[]> {
  const wire = await getCurrentFuseWire(binary);
  const problems: string[] = [];
  for (const [name, on] of Object.entries(wanted)) {
    const option = FUSE_NAMES[name];
    if (option === undefined) {
      problems.push(`${name}: not a fuse this check knows`);
      continue;
    }
    const state = wire[option];
    const actual = state === ENABLED ? true : state === DISABLED ? false : null;
    if (actual !== on) problems.push(`${name}: wanted ${on ? 'on' : 'off'}, the binary has it ${actual === null ? `missing (state ${String(state)})` : actual ? 'on' : 'off'}`);
  }
  return problems;
}
