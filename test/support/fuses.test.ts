import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configuredFuses, fuseMismatches } from './fuses.ts';

const repo = path.resolve(import.meta.dirname, '..', '..');
const dir = await mkdtemp(path.join(os.tmpdir(), 'fuses-test-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A file with a fuse wire as Electron embeds one: the sentinel, version 1, the length, one byte per fuse ('0' off, '1' on). */
async function fakeBinary(name: string, wire: string): Promise<string> {
  const file = path.join(dir, name);
  const bytes = Buffer.concat([Buffer.from('ELF…padding…'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, wire.length]), Buffer.from(wire), Buffer.from('…rest')]);
  await writeFile(file, bytes);
  return file;
}

describe('the packaged binary’s fuses', () => {
  it('are those electron-builder.yml asks for: no running as Node, no NODE_OPTIONS or inspector, the app only from its checked asar', async () => {
    expect(await configuredFuses(repo)).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('are read from the file and each one that differs is named', async () => {
    const wanted = await configuredFuses(repo);
    // Fuse order: runAsNode, cookie encryption, NODE_OPTIONS, inspector, asar integrity, only asar, V8 snapshot, file protocol.
    expect(await fuseMismatches(await fakeBinary('hardened', '01001100'), wanted)).toEqual([]);
    expect(await fuseMismatches(await fakeBinary('stock', '10110000'), wanted)).toEqual([
      'runAsNode: wanted off, the binary has it on',
      'enableNodeOptionsEnvironmentVariable: wanted off, the binary has it on',
      'enableNodeCliInspectArguments: wanted off, the binary has it on',
      'enableCookieEncryption: wanted on, the binary has it off',
      'enableEmbeddedAsarIntegrityValidation: wanted on, the binary has it off',
      'onlyLoadAppFromAsar: wanted on, the binary has it off',
    ]);
  });
});
