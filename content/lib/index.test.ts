// The kiosk entry point must stay light: electron/main loads it, and it must not pull in
// sharp (a native image library only the merchandiser tools need).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const loadedModules = async (entry: string): Promise<string[]> => {
  const script = `await import(${JSON.stringify(fileURLToPath(new URL(entry, import.meta.url)))});
    const { createRequire } = await import('node:module');
    console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
  return JSON.parse(stdout) as string[];
};

describe('entry points of content/lib', () => {
  it('the kiosk entry (index.ts) does not load sharp; the tools entry does', async () => {
    const kiosk = await loadedModules('./index.ts');
    expect(kiosk.some((m) => m.includes('yauzl'))).toBe(true);
    const isSharp = (m: string) => /[/\\](@img[/\\])?sharp/.test(m);
    expect(kiosk.filter(isSharp)).toEqual([]);
    expect((await loadedModules('./tools.ts')).some(isSharp)).toBe(true);
  }, 60_000);
});
