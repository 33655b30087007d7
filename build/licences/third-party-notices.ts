// THIRD_PARTY_NOTICES.txt: the licence of every npm package whose code, font or model
// ships inside the app, collected at build time from the files the bundler actually
// used (the bundles keep no legal comments; this file carries the licences instead).
// Each package is listed with its version, SPDX licence and every LICENSE/NOTICE/COPYING
// file it ships; one that ships none gets the standard text of its licence (Apache-2.0;
// MIT with the package's author as the copyright holder), and a note names code it
// embeds under other licences.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NOTICES_FILE = 'THIRD_PARTY_NOTICES.txt';
const STANDARD_TEXTS: Record<string, string> = {
  'Apache-2.0': fileURLToPath(new URL('./texts/Apache-2.0.txt', import.meta.url)),
  MIT: fileURLToPath(new URL('./texts/MIT.txt', import.meta.url)),
};

/** Code a package embeds that its own licence file does not cover. */
const EMBEDS: Record<string, string> = {
  'zxing-wasm':
    'Its WebAssembly reader and writer are compiled from ZXing-C++ (https://github.com/zxing-cpp/zxing-cpp), under the Apache License 2.0 (http://www.apache.org/licenses/LICENSE-2.0).',
  '@mediapipe/tasks-vision':
    'Its WebAssembly module is compiled from MediaPipe (https://github.com/google-ai-edge/mediapipe, Apache-2.0) with TensorFlow Lite, XNNPACK, Abseil and Protocol Buffers (Apache-2.0 and BSD-3-Clause; see the third_party folder of that repository).',
  '@mediapipe/hands':
    'The hand models are made from this package’s model files: generated/hand_landmarker.task from hand_landmark_full.tflite and palm_detection_full.tflite, generated/hand_landmarker_lite.task from hand_landmark_lite.tflite and palm_detection_lite.tflite.',
};

export interface PackageNotice {
  name: string;
  version: string;
  license: string;
  homepage: string | null;
  /** File name → text, in name order. */
  texts: [string, string][];
  /** Why it is listed when not as bundled code (a font, a model). */
  usedFor?: string;
}

interface PackageJson {
  name?: string;
  version?: string;
  license?: string | { type?: string };
  licenses?: { type?: string }[];
  homepage?: string;
  repository?: string | { url?: string };
  author?: string | { name?: string; email?: string };
}

/**
 * The npm package a bundled file belongs to (its folder and name), or null for the
 * project's own files. Handles scoped and nested node_modules, and the package.json
 * files some packages keep in subfolders (`{"type": "module"}`, with no name).
 */
export function packageOf(file: string): { dir: string; name: string } | null {
  const clean = file.replace(/^\0+/, '').replace(/[?#].*$/, '');
  const parts = clean.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at === -1 || at + 1 >= parts.length) return null;
  const scoped = parts[at + 1]!.startsWith('@');
  const nameParts = parts.slice(at + 1, at + (scoped ? 3 : 2));
  const dir = [...parts.slice(0, at + 1), ...nameParts].join('/');
  return { dir, name: nameParts.join('/') };
}

const LICENCE_FILE = /^(licen[cs]e|notice|copying|ofl)([-._].*)?$/i;

/** The licence details of the package in `dir` (node_modules/<name>). */
export function readPackageNotice(dir: string, usedFor?: string): PackageNotice {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
  const license = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? pkg.licenses?.map((l) => l.type).join(' OR ') ?? 'UNKNOWN');
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && LICENCE_FILE.test(e.name))
    .map((e) => e.name)
    .sort();
  const texts: [string, string][] = files.map((f) => [f, readFileSync(path.join(dir, f), 'utf8').trim()]);
  const name = pkg.name ?? path.basename(dir);
  if (texts.length === 0 && STANDARD_TEXTS[license]) {
    const author = typeof pkg.author === 'string' ? pkg.author : pkg.author?.name;
    const text = readFileSync(STANDARD_TEXTS[license]!, 'utf8').replace('{copyright}', author ?? `the authors of ${name}`);
    texts.push([`${license} (the standard text: the package ships none)`, text.trim()]);
  }
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const source = pkg.homepage ?? repo ?? null;
  const homepage = source && /^[\w.-]+\/[\w.-]+$/.test(source) ? `https://github.com/${source}` : source;
  return { name, version: pkg.version ?? '?', license, homepage, texts, ...(usedFor ? { usedFor } : {}) };
}

/** Collects the packages that the bundled `files` (module ids or asset paths) belong to. */
export class NoticeCollector {
  private readonly packages = new Map<string, { dir: string; usedFor?: string }>();

  addFiles(files: Iterable<string>): void {
    for (const file of files) {
      const pkg = packageOf(file);
      if (pkg && !this.packages.has(pkg.name) && existsSync(path.join(pkg.dir, 'package.json'))) this.packages.set(pkg.name, { dir: pkg.dir });
    }
  }

  /** A package that ships in another form than bundled code (e.g. a model made from its files). */
  addPackage(name: string, fromDir: string, usedFor: string): void {
    let dir = fromDir;
    while (!existsSync(path.join(dir, 'node_modules', name, 'package.json'))) {
      const up = path.dirname(dir);
      if (up === dir) throw new Error(`${name} is not installed (looked from ${fromDir}): run npm ci`);
      dir = up;
    }
    this.packages.set(name, { dir: path.join(dir, 'node_modules', name), usedFor });
  }

  notices(): PackageNotice[] {
    return [...this.packages.values()].map((p) => readPackageNotice(p.dir, p.usedFor)).sort((a, b) => a.name.localeCompare(b.name));
  }
}

export function renderNotices(product: string, notices: readonly PackageNotice[]): string {
  const rule = '='.repeat(78);
  const lines = [
    `Third-party software in ${product}`,
    '',
    'It includes the open-source packages below, each listed with its version, its',
    'licence and the licence and notice files it is distributed with.',
    '',
    ...notices.map((n) => `  ${n.name} ${n.version} (${n.license})`),
    '',
  ];
  for (const n of notices) {
    lines.push(rule, `${n.name} ${n.version}`, `Licence: ${n.license}`);
    if (n.homepage) lines.push(`Source: ${n.homepage.replace(/^git\+/, '')}`);
    if (n.usedFor) lines.push(`Included as: ${n.usedFor}`);
    if (EMBEDS[n.name]) lines.push(`Also: ${EMBEDS[n.name]}`);
    lines.push(rule, '');
    if (n.texts.length === 0) lines.push(`(The package ships no licence file; its package.json says ${n.license}.)`, '');
    for (const [name, text] of n.texts) lines.push(`--- ${name} ---`, '', text, '');
  }
  return `${lines.join('\n')}\n`;
}
