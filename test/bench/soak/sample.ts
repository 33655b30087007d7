// One sample of the kiosk page's resources, taken on the attract loop between shoppers
// (the same screen every time, so samples compare): the JS heap after a forced full
// collection, DOM nodes and JS event listeners (Chromium's own counters), what the game
// renderer holds, the outbox, the page's storage, and the browser's memory (RSS of its
// processes: wasm and GPU memory that the JS heap does not show).
import { execFileSync } from 'node:child_process';
import type { CDPSession, Page } from '@playwright/test';

export interface Sample {
  minute: number;
  heapMiB: number;
  domNodes: number;
  listeners: number;
  documents: number;
  pixiGpuRecords: number | null;
  pixiTextures: number | null;
  outboxQueued: number | null;
  outboxKiB: number | null;
  storageKiB: number | null;
  browserRssMiB: number | null;
  /** The catch game's fps in the loops since the previous sample (median), or null. */
  fps: number | null;
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

export async function takeSample(page: Page, cdp: CDPSession, minute: number, marker: string): Promise<Omit<Sample, 'fps' | 'loops' | 'coupons'>> {
  // Twice: the first collection lets weak references and finalizers go, the second frees what they held.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const inPage = await page.evaluate(async () => {
    const pixi = (await window.__kioskTest!.probe('pixi')) as { gpuRecords: number; textures: number } | null;
    const outbox = (await window.__kioskTest!.probe('outbox')) as { queueDepth: number; queueBytes: number } | null;
    const storage = await navigator.storage.estimate().catch(() => null);
    return { pixi, outbox, storage: storage?.usage ?? null };
  });
  return {
    minute: Math.round(minute * 100) / 100,
    heapMiB: MiB(heap.usedSize),
    domNodes: dom.nodes,
    listeners: dom.jsEventListeners,
    documents: dom.documents,
    pixiGpuRecords: inPage.pixi?.gpuRecords ?? null,
    pixiTextures: inPage.pixi?.textures ?? null,
    outboxQueued: inPage.outbox?.queueDepth ?? null,
    outboxKiB: inPage.outbox ? Math.round(inPage.outbox.queueBytes / 1024) : null,
    storageKiB: inPage.storage === null ? null : Math.round(inPage.storage / 1024),
    browserRssMiB: browserRss(marker),
  };
}
