import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NoticeCollector, packageOf, renderNotices } from './third-party-notices.ts';

const root = await mkdtemp(path.join(os.tmpdir(), 'notices-test-'));
afterAll(() => rm(root, { recursive: true, force: true }));

async function fakePackage(dir: string, pkg: Record<string, unknown>, files: Record<string, string> = {}) {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'package.json'), JSON.stringify(pkg));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
}

describe('third-party notices', () => {
  it('finds the package of a bundled module: scoped, nested, or a virtual id with a query', () => {
    expect(packageOf('/r/node_modules/vue/dist/vue.runtime.esm-bundler.js')).toEqual({ dir: '/r/node_modules/vue', name: 'vue' });
    expect(packageOf('/r/node_modules/@vue/shared/dist/shared.esm-bundler.js')).toEqual({ dir: '/r/node_modules/@vue/shared', name: '@vue/shared' });
    expect(packageOf('/r/node_modules/a/node_modules/b/index.js')).toEqual({ dir: '/r/node_modules/a/node_modules/b', name: 'b' });
    expect(packageOf('\0/r/node_modules/zxing-wasm/dist/reader/zxing_reader.wasm?url')).toEqual({ dir: '/r/node_modules/zxing-wasm', name: 'zxing-wasm' });
    expect(packageOf('/r/renderer/src/main.ts')).toBeNull();
  });

  it('lists each package once with its licence files, and gives one that ships none the standard text with its author', async () => {
    const nm = path.join(root, 'node_modules');
    await fakePackage(path.join(nm, 'lib-a'), { name: 'lib-a', version: '1.2.3', license: 'MIT', homepage: 'https://a.example' }, { LICENSE: 'Copyright (c) 2020 A People\nMIT terms', 'NOTICE.md': 'A notice' });
    await fakePackage(path.join(nm, '@s', 'lib-b'), { name: '@s/lib-b', version: '0.1.0', license: 'MIT', author: 'Bea Author <b@example.com>', repository: 'owner/lib-b' });
    await fakePackage(path.join(nm, 'model-c'), { name: 'model-c', version: '2.0.0', license: 'Apache-2.0' });
    await mkdir(path.join(nm, 'lib-a', 'esm'), { recursive: true });
    await writeFile(path.join(nm, 'lib-a', 'esm', 'package.json'), '{"type":"module"}');

    const collector = new NoticeCollector();
    collector.addFiles([path.join(nm, 'lib-a/esm/index.js'), path.join(nm, 'lib-a/index.js'), path.join(nm, '@s/lib-b/dist/b.js'), path.join(root, 'src/own.ts')]);
    collector.addPackage('model-c', path.join(root, 'renderer'), 'the model generated/c.bin');
    const notices = collector.notices();
    expect(notices.map((n) => `${n.name} ${n.version} ${n.license}`)).toEqual(['@s/lib-b 0.1.0 MIT', 'lib-a 1.2.3 MIT', 'model-c 2.0.0 Apache-2.0']);

    const text = renderNotices('Test Product', notices);
    expect(text).toContain('--- LICENSE ---\n\nCopyright (c) 2020 A People\nMIT terms');
    expect(text).toContain('--- NOTICE.md ---\n\nA notice');
    expect(text).toContain('Copyright (c) Bea Author <b@example.com>\n\nPermission is hereby granted');
    expect(text).toContain('Source: https://github.com/owner/lib-b');
    expect(text).toContain('Included as: the model generated/c.bin');
    expect(text).toMatch(/Apache-2\.0 \(the standard text: the package ships none\) ---\n\nApache License\n\s+Version 2\.0/);
  });

  it('says which package is missing when an extra one is not installed', () => {
    expect(() => new NoticeCollector().addPackage('not-installed-anywhere', root, 'x')).toThrow(/not-installed-anywhere is not installed .*npm ci/);
  });
});
