// What the build puts into the app besides code: the third-party licence notices for
// everything bundled (code, the webfont, the hand model), and the webfont as WOFF2 only —
// every face of the font CSS still points at a file that is there. Checks the built
// dist/ that electron-builder packs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { repo, rendererDir } from './fixtures.ts';

const mainDir = path.join(repo, 'dist', 'main');
const read = (file: string) => readFileSync(file, 'utf8');

test('the screen ships THIRD_PARTY_NOTICES.txt with the licence of each bundled package, the font and the hand models', () => {
  const notices = read(path.join(rendererDir, 'THIRD_PARTY_NOTICES.txt'));
  for (const pkg of ['vue', 'vue-i18n', 'pinia', 'pixi.js', 'dexie', 'qrcode', 'zod', 'zxing-wasm', '@mediapipe/tasks-vision', '@fontsource/noto-sans-sc', '@mediapipe/hands']) {
    expect(notices, pkg).toMatch(new RegExp(`^  ${pkg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\S+ \\(`, 'm'));
  }
  expect(notices).toContain('SIL OPEN FONT LICENSE Version 1.1');
  expect(notices).toContain('Apache License\n                           Version 2.0, January 2004');
  expect(notices).toContain('Included as: the hand models generated/hand_landmarker.task and generated/hand_landmarker_lite.task');
  expect(notices).not.toContain('ships no licence file');
});

test('main and preload ship THIRD_PARTY_NOTICES.txt too', () => {
  const notices = read(path.join(mainDir, 'THIRD_PARTY_NOTICES.txt'));
  expect(notices).toMatch(/^ {2}zod \S+ \(MIT\)$/m);
  expect(notices).toMatch(/^ {2}yauzl \S+ \(MIT\)$/m);
  expect(notices).not.toContain('ships no licence file');
});

test('the webfont ships as WOFF2 only, and every face the CSS declares has its file', () => {
  const assets = path.join(rendererDir, 'assets');
  const files = readdirSync(assets);
  expect(files.filter((f) => f.endsWith('.woff'))).toEqual([]);
  const css = files.filter((f) => f.endsWith('.css')).map((f) => read(path.join(assets, f))).join('\n');
  const faces = css.match(/@font-face\s*{[^}]*}/g) ?? [];
  // Two weights, each in the font's ~100 unicode-range chunks.
  expect(faces.length).toBeGreaterThan(150);
  for (const face of faces) {
    const urls = [...face.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!.replace(/^['"]|['"]$/g, ''));
    expect(urls, face.slice(0, 120)).toHaveLength(1);
    expect(urls[0]).toMatch(/\.woff2$/);
    expect(existsSync(path.join(rendererDir, urls[0]!)), urls[0]).toBe(true);
    expect(face).toMatch(/unicode-range:/);
  }
});
