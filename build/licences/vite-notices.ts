// Vite plugins that write THIRD_PARTY_NOTICES.txt into a build: every package whose
// modules ended up in a chunk (the page's and its workers') or whose files became assets
// (fonts, wasm), plus packages shipped in another form (`extras`).
import path from 'node:path';
import type { Plugin } from 'vite';
import { NOTICES_FILE, NoticeCollector, renderNotices } from './third-party-notices.ts';

export interface NoticesOptions {
  product: string;
  /** Packages that ship without being bundled, e.g. a model made from one of their files. */
  extras?: { name: string; usedFor: string }[];
}

function collect(collector: NoticeCollector, root: string, bundle: Record<string, { type: string; moduleIds?: string[]; originalFileNames?: string[] }>): void {
  for (const item of Object.values(bundle)) {
    if (item.type === 'chunk') collector.addFiles(item.moduleIds ?? []);
    else collector.addFiles((item.originalFileNames ?? []).map((f) => path.resolve(root, f)));
  }
}

/** `plugin` for the build, `workerPlugin` for `worker.plugins`; they share what they collect. */
export function thirdPartyNotices(options: NoticesOptions): { plugin: Plugin; workerPlugin: () => Plugin } {
  const collector = new NoticeCollector();
  let root = process.cwd();
  return {
    plugin: {
      name: 'kiosk-third-party-notices',
      apply: 'build',
      configResolved(config) {
        root = config.root;
      },
      generateBundle(_output, bundle) {
        collect(collector, root, bundle as never);
        for (const extra of options.extras ?? []) collector.addPackage(extra.name, root, extra.usedFor);
        this.emitFile({ type: 'asset', fileName: NOTICES_FILE, source: renderNotices(options.product, collector.notices()) });
      },
    },
    workerPlugin: () => ({
      name: 'kiosk-third-party-notices-worker',
      apply: 'build',
      generateBundle(_output, bundle) {
        collect(collector, root, bundle as never);
      },
    }),
  };
}
