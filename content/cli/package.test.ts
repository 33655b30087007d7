// The tools as a merchandiser installs them, away from this checkout: the package is
// built, `npm pack`ed to the tarball the README names, installed into an empty folder
// (offline: the tarball, plus the two dependencies it declares taken from this
// checkout's node_modules), and run from there.
import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../lib/testing/temp-dirs.ts';
import { buildCliPackage, CLEAN_ENV, runProgram } from './testing/cli-bundle.ts';

const run = promisify(execFile);
const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));
const manifest = JSON.parse(await readFile(new URL('./package/package.json', import.meta.url), 'utf8')) as { name: string; version: string; bin: Record<string, string>; dependencies: Record<string, string> };

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
let tarball: string;
let installed: string;
let bin: (name: string) => string;

beforeAll(async () => {
  tmp = await makeTempDir('kiosk-package-');
  const packageDir = path.join(tmp.dir, 'package');
  await buildCliPackage(packageDir);
  const { stdout } = await run('npm', ['pack', packageDir, '--pack-destination', tmp.dir, '--ignore-scripts', '--silent'], { cwd: tmp.dir });
  tarball = path.join(tmp.dir, stdout.trim().split('\n').at(-1)!);
  installed = path.join(tmp.dir, 'shop-laptop');
  await mkdir(installed);
  await writeFile(path.join(installed, 'package.json'), '{"private": true}\n');
  const deps = Object.keys(manifest.dependencies).map((name) => path.join(NODE_MODULES, name));
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, ...deps], { cwd: installed, timeout: 120_000 });
  bin = (name) => path.join(installed, 'node_modules', '.bin', name);
}, 240_000);
afterAll(() => tmp?.remove());

describe('the @shopfront/kiosk-pack package', { timeout: 120_000 }, () => {
  it('is the tarball the README tells a merchandiser to install, holding the bundles and nothing of the sources', async () => {
    expect(path.basename(tarball)).toBe(`shopfront-kiosk-pack-${manifest.version}.tgz`);
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`npm install -g ./${path.basename(tarball)}`);
    expect(manifest.name).toBe('@shopfront/kiosk-pack');
    // What stays outside the bundle is declared with the very ranges the checkout is tested with.
    const root = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { devDependencies: Record<string, string> };
    for (const [name, range] of Object.entries(manifest.dependencies)) expect(range, name).toBe(root.devDependencies[name]);
    const { stdout } = await run('tar', ['-tzf', tarball]);
    expect(stdout.trim().split('\n').sort()).toEqual(['package/README.md', 'package/dist/kiosk-coupon.mjs', 'package/dist/kiosk-pack.mjs', 'package/package.json']);
    const bundle = await readFile(path.join(installed, 'node_modules/@shopfront/kiosk-pack/dist/kiosk-pack.mjs'), 'utf8');
    expect(bundle.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(bundle).not.toMatch(/from ["']tsx|\.ts["']\)/);
  });

  it('runs kiosk-pack from the install: version, help, and a small pack built and verified', async () => {
    const work = path.join(tmp.dir, 'work');
    await mkdir(work);
    const kioskPack = (...args: string[]) => runProgram(bin('kiosk-pack'), args, { cwd: work, env: { ...CLEAN_ENV } });

    const version = await kioskPack('--version');
    expect(version).toMatchObject({ code: 0, stdout: `${manifest.version}\n` });
    const help = await kioskPack('verify', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: kiosk-pack verify [options] <file.kpack>');

    expect((await kioskPack('init', 'shop')).code).toBe(0);
    expect((await kioskPack('keygen', '--out', 'key.json')).code).toBe(0);
    const build = await kioskPack('build', 'shop', '--key', 'key.json', '--out', 'shop.kpack');
    expect(build.code, build.stdout + build.stderr).toBe(0);
    expect((await stat(path.join(work, 'shop.kpack'))).size).toBeGreaterThan(10_000);
    const verify = await kioskPack('verify', 'shop.kpack', '--trusted', 'public-key.json');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('✓ The pack is valid: my-store 1.0.0');
    // The starter's pictures were drawn with the installed font package.
    expect((await readdir(path.join(work, 'shop', 'media', 'products'))).length).toBe(4);
  });

  it('runs kiosk-coupon from the same install', async () => {
    const help = await runProgram(bin('kiosk-coupon'), ['--help'], { cwd: tmp.dir, env: { ...CLEAN_ENV } });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('kiosk-coupon verify');
  });
});
