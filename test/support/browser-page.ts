// A bare test page: one browser entry (a *.browser.ts file) bundled with esbuild into
// `outDir`, with an index.html that loads it. The benchmarks and some e2e tests drive
// the kiosk's real code through such pages, without the app around it.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

export async function bundleBrowserPage(entry: string, outDir: string, page: { title: string; style?: string }): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const script = `${path.basename(entry).replace(/(\.browser)?\.ts$/, '')}.js`;
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', target: 'chrome120', outfile: path.join(outDir, script), logLevel: 'warning' });
  const style = page.style ? `<style>${page.style}</style>` : '';
  await writeFile(path.join(outDir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>${page.title}</title>${style}<script type="module" src="/${script}"></script>\n`);
  return outDir;
}
