// For finding what a soak saw grow: `--snapshots` writes a heap snapshot of the page at
// the first sample after the warm-up and at the end, and the soak prints which kinds of
// object grew most between them (by constructor or closure name, counts and bytes). The
// .heapsnapshot files open in Chromium's DevTools (Memory → Load) for the retainers.
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { CDPSession } from '@playwright/test';

/** The page's JS heap after a full collection, split by what V8 keeps in it, in bytes. */
export interface HeapSplit {
  /** JS objects, arrays, strings, closures, shapes and the like: where a leak would show. */
  objects: number;
  /** V8's bytecode and optimised machine code. */
  code: number;
}

/** Takes a heap snapshot (it collects garbage first) and sums its V8 objects by kind; the browser's own (native) objects are left out. */
export async function heapSplit(cdp: CDPSession): Promise<HeapSplit> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => void chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const json = JSON.parse(chunks.join('')) as SnapshotJson;
  const fields = json.snapshot.meta.node_fields;
  const types = json.snapshot.meta.node_types[0];
  const [typeAt, sizeAt] = ['type', 'self_size'].map((f) => fields.indexOf(f)) as [number, number];
  const split: HeapSplit = { objects: 0, code: 0 };
  for (let i = 0; i < json.nodes.length; i += fields.length) {
    const type = types[json.nodes[i + typeAt]!];
    if (type === 'native' || type === 'synthetic' || type === 'hidden') continue;
    split[type === 'code' ? 'code' : 'objects'] += json.nodes[i + sizeAt]!;
  }
  return split;
}

export async function writeHeapSnapshot(cdp: CDPSession, file: string): Promise<void> {
  await cdp.send('HeapProfiler.collectGarbage');
  const out = createWriteStream(file);
  const onChunk = (e: { chunk: string }) => void out.write(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}

interface SnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Objects in a snapshot by "type name" (e.g. "object HTMLDivElement", "closure onTick"): count and bytes. */
export async function summariseSnapshot(file: string): Promise<Map<string, { count: number; bytes: number }>> {
  const json = JSON.parse(await readFile(file, 'utf8')) as SnapshotJson;
  const fields = json.snapshot.meta.node_fields;
  const types = json.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const byKind = new Map<string, { count: number; bytes: number }>();
  for (let i = 0; i < json.nodes.length; i += fields.length) {
    const type = types[json.nodes[i + typeAt]!] ?? '?';
    if (type === 'hidden' || type === 'synthetic') continue;
    const name = type === 'string' || type === 'concatenated string' || type === 'sliced string' ? '' : json.strings[json.nodes[i + nameAt]!]!.slice(0, 60);
    const key = `${type} ${name}`.trim();
    const entry = byKind.get(key) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += json.nodes[i + sizeAt]!;
    byKind.set(key, entry);
  }
  return byKind;
}

/** The kinds that grew most in bytes from `before` to `after`, as printable lines. */
export function topGrowth(before: Map<string, { count: number; bytes: number }>, after: Map<string, { count: number; bytes: number }>, top = 15): string[] {
  return [...after.entries()]
    .map(([kind, a]) => {
      const b = before.get(kind) ?? { count: 0, bytes: 0 };
      return { kind, dCount: a.count - b.count, dBytes: a.bytes - b.bytes, count: a.count };
    })
    .filter((g) => g.dBytes > 0)
    .sort((x, y) => y.dBytes - x.dBytes)
    .slice(0, top)
    .map((g) => `  +${(g.dBytes / 1024).toFixed(1).padStart(8)} KiB  +${String(g.dCount).padStart(6)} objects (now ${g.count})  ${g.kind}`);
}
