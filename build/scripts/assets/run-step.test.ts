import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runStep, type StepCommand } from './run-step.ts';

const dir = await mkdtemp(path.join(os.tmpdir(), 'asset-step-test-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/**
 * A step that announces two files and, while `crashes` > 0 (counted down in a file),
 * dies of SIGSEGV while making the second one, the way a crashing native library does.
 */
async function flakyStep(name: string, crashes: number): Promise<StepCommand & { made: string }> {
  const counter = path.join(dir, `${name}.count`);
  const made = path.join(dir, `${name}.done`);
  await writeFile(counter, String(crashes));
  const script = `
    const fs = require('node:fs');
    fs.writeSync(1, '@@making media/a.png\\n');
    console.log('drew a.png');
    fs.writeSync(1, '@@making media/products/b.webp\\n');
    const left = Number(fs.readFileSync(${JSON.stringify(counter)}, 'utf8'));
    if (left > 0) { fs.writeFileSync(${JSON.stringify(counter)}, String(left - 1)); process.kill(process.pid, 'SIGSEGV'); }
    fs.writeFileSync(${JSON.stringify(made)}, 'ok');`;
  return { name: 'the demo pack', command: process.execPath, args: ['-e', script], made };
}

describe('an asset step that crashes', () => {
  it('runs once more after a crash and succeeds, saying which file it was making', async () => {
    const step = await flakyStep('once', 1);
    const lines: string[] = [];
    await runStep(step, { log: (l) => lines.push(l) });
    expect(existsSync(step.made)).toBe(true);
    expect(lines).toContain('the demo pack crashed (SIGSEGV) while making media/products/b.webp: running it again');
    // Its own output passes through; the announcements do not.
    expect(lines.filter((l) => l === 'drew a.png')).toHaveLength(2);
    expect(lines.some((l) => l.startsWith('@@'))).toBe(false);
  });

  it('fails the build naming the file when it crashes again', async () => {
    const step = await flakyStep('twice', 2);
    await expect(runStep(step, { log: () => {} })).rejects.toThrow('the demo pack crashed (SIGSEGV) while making media/products/b.webp, and again after a retry');
    expect(existsSync(step.made)).toBe(false);
  });

  it('does not retry an ordinary failure, and names what it was making', async () => {
    const script = "require('node:fs').writeSync(1, '@@making data/products.json\\n'); console.error('bad price'); process.exit(1);";
    let runs = 0;
    await expect(runStep({ name: 'the demo pack', command: process.execPath, args: ['-e', script] }, { log: () => runs++ })).rejects.toThrow('the demo pack failed (exit 1) while making data/products.json');
    expect(runs).toBe(0);
  });
});
