// One sample of the kiosk page's resources, taken on the attract loop between shoppers
// (the same screen every time, so samples compare): the JS heap after a forced full
// collection (in all, and split by a heap snapshot into objects and V8's code), DOM nodes and JS event listeners (Chromium's own counters), what the game
// renderer holds, the outbox, the page's storage, and the browser's memory (RSS of its
// processes: wasm and GPU memory that the JS heap does not show).
import { execFileSync } from 'node:child_process';
import type { CDPSession, Page } from '@playwright/test';
import type { StageResources } from '../../support/stage-probe.ts';
import { heapSplit } from './heap-snapshot.ts';

export interface Sample {
  minute: number;
  heapMiB: number;
  /** The heap without V8's compiled code: objects, arrays, strings, closures. */
  heapObjectsMiB: number;
  /** V8's bytecode and machine code. */
  codeMiB: number;
  domNodes: number;
  listeners: number;
  documents: number;
  pixiGpuRecords: number | null;
  pixiTextures: number | null;
  /** Listeners on pixi's shared textures, which outlive every game (see games/engine/stage.ts). */
  pixiSharedListeners: number | null;
  outboxQueued: number | null;
  outboxKiB: number | null;
  storageKiB: number | null;
  browserRssMiB: number | null;
  /** The catch game's frames drawn per second in the loops since the previous sample, or null. */
  fps: number | null;
  /** Their 95th percentile frame interval, ms. */
  frameP95Ms: number | null;
  /** Share of the camera frames analysed during those games that had a hand in them, percent. */
  catchHandPct: number | null;
  loops: number;
  coupons: number;
}

const MiB = (bytes: number) => Math.round((bytes / 2 ** 20) * 100) / 100;

/** RSS of the browser launched with `marker` in its command line and all its child processes, in MiB. */
export function browserRss(marker: string): number | null {
  try {
    const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
      .split('\n')
      .map((line) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), rssKiB: Number(m[3]), args: m[4]! }));
    const root = rows.find((r) => r.args.includes(marker) && !r.args.includes('--type='));
    if (!root) return null;
    const family = new Set([root.pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const r of rows) {
        if (family.has(r.pid) || !family.has(r.ppid)) continue;
        family.add(r.pid);
        grew = true;
      }
    }
    return MiB(rows.filter((r) => family.has(r.pid)).reduce((s, r) => s + r.rssKiB * 1024, 0));
  } catch {
    return null;
  }
}

export async function takeSample(page: Page, cdp: CDPSession, minute: number, marker: string): Promise<Omit<Sample, 'fps' | 'frameP95Ms' | 'catchHandPct' | 'loops' | 'coupons'>> {
  // Twice: the first collection lets weak references and finalizers go, the second frees what they held.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const split = await heapSplit(cdp);
  const dom = await cdp.send('Memory.getDOMCounters');
  const inPage = await page.evaluate(async () => {
    const pixi = (await window.__kioskTest!.probe('pixi')) as StageResources | null;
    const outbox = (await window.__kioskTest!.probe('outbox')) as { queueDepth: number; queueBytes: number } | null;
    const storage = await navigator.storage.estimate().catch(() => null);
    return { pixi, outbox, storage: storage?.usage ?? null };
  });
  return {
    minute: Math.round(minute * 100) / 100,
    heapMiB: MiB(heap.usedSize),
    heapObjectsMiB: MiB(split.objects),
    codeMiB: MiB(split.code),
    domNodes: dom.nodes,
    listeners: dom.jsEventListeners,
    documents: dom.documents,
    pixiGpuRecords: inPage.pixi?.gpuRecords ?? null,
    pixiTextures: inPage.pixi?.textures ?? null,
    pixiSharedListeners: inPage.pixi?.sharedTextureListeners ?? null,
    outboxQueued: inPage.outbox?.queueDepth ?? null,
    outboxKiB: inPage.outbox ? Math.round(inPage.outbox.queueBytes / 1024) : null,
    storageKiB: inPage.storage === null ? null : Math.round(inPage.storage / 1024),
    browserRssMiB: browserRss(marker),
  };
}
