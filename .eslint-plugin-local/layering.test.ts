import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { checkBareImport, checkProjectImport, layerOf, RENDERER_PACKAGES } from './layering.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('layerOf', () => {
  it('places files in the layers of ARCHITECTURE.md', () => {
    expect(layerOf('electron/common/kiosk-api.ts')).toBe('common');
    expect(layerOf('electron/main/window.ts')).toBe('main');
    expect(layerOf('electron/preload/preload.ts')).toBe('preload');
    expect(layerOf('renderer/src/App.vue')).toBe('renderer');
    expect(layerOf('games/contract.ts')).toBe('games-contract');
    expect(layerOf('games/engine/stage.ts')).toBe('games-engine');
    expect(layerOf('games/catch/rules.ts')).toBe('game:catch');
    expect(layerOf('content/schema/product.ts')).toBe('content-schema');
    expect(layerOf('content/lib/read-pack.ts')).toBe('content-node');
  });
});

describe('project imports', () => {
  const ok = (from: string, to: string) => expect(checkProjectImport(from, to)).toBeNull();
  const bad = (from: string, to: string) => expect(checkProjectImport(from, to)).toMatch(/must not/);

  it('keeps electron/common pure: itself and content/schema', () => {
    ok('electron/common/a.ts', 'electron/common/b.ts');
    ok('electron/common/a.ts', 'content/schema/product.ts');
    bad('electron/common/a.ts', 'content/lib/read-pack.ts');
    bad('electron/common/a.ts', 'renderer/src/main.ts');
    bad('electron/common/a.ts', 'electron/main/ipc.ts');
  });
  it('lets main reach common and content but not the renderer or games', () => {
    ok('electron/main/a.ts', 'electron/common/kiosk-api.ts');
    ok('electron/main/a.ts', 'content/lib/read-pack.ts');
    bad('electron/main/a.ts', 'renderer/src/main.ts');
    bad('electron/main/a.ts', 'games/catch/index.ts');
  });
  it('lets the preload reach only common', () => {
    ok('electron/preload/preload.ts', 'electron/common/channels.ts');
    bad('electron/preload/preload.ts', 'electron/main/ipc.ts');
    bad('electron/preload/preload.ts', 'content/schema/product.ts');
  });
  it('lets the renderer take the host declaration from common, and only public game entries', () => {
    ok('renderer/src/host/host.ts', 'electron/common/kiosk-api.ts');
    ok('renderer/src/a.ts', 'content/schema/product.ts');
    bad('renderer/src/a.ts', 'content/lib/read-pack.ts');
    ok('renderer/src/a.ts', 'games/contract.ts');
    ok('renderer/src/a.ts', 'games/index.ts');
    ok('renderer/src/a.ts', 'games/catch/index.ts');
    bad('renderer/src/a.ts', 'games/catch/rules.ts');
    bad('renderer/src/a.ts', 'games/engine/stage.ts');
    bad('renderer/src/a.ts', 'electron/main/window.ts');
  });
  it('checks a file directly under games/ like the engine', () => {
    expect(layerOf('games/shared-helpers.ts')).toBe('games-engine');
    ok('games/shared-helpers.ts', 'games/contract.ts');
    bad('games/shared-helpers.ts', 'games/catch/catch-rules.ts');
    bad('games/shared-helpers.ts', 'renderer/src/main.ts');
  });
  it('keeps each game to itself, the engine and the contract', () => {
    ok('games/catch/scene.ts', 'games/catch/rules.ts');
    ok('games/catch/scene.ts', 'games/engine/stage.ts');
    ok('games/catch/scene.ts', 'games/contract.ts');
    bad('games/catch/scene.ts', 'games/wheel/rules.ts');
    bad('games/catch/scene.ts', 'games/wheel/index.ts');
    bad('games/engine/stage.ts', 'games/catch/rules.ts');
    bad('games/catch/scene.ts', 'renderer/src/main.ts');
  });
  it('keeps content/schema pure', () => {
    ok('content/schema/a.ts', 'content/schema/b.ts');
    bad('content/schema/a.ts', 'content/lib/read-pack.ts');
  });
  it('keeps the hub in three rooms: the console never reaches the server or the store, nor they it', () => {
    expect(layerOf('hub/server/app.ts')).toBe('hub-server');
    expect(layerOf('hub/store/database.ts')).toBe('hub-store');
    expect(layerOf('hub/console/src/App.vue')).toBe('hub-console');
    ok('hub/server/routes/ingest.ts', 'hub/store/queries/ingest.ts');
    ok('hub/server/routes/ingest.ts', 'content/schema/hub-api/batch.ts');
    ok('hub/server/packs.ts', 'content/lib/import/import-pack.ts');
    bad('hub/server/app.ts', 'hub/console/src/main.ts');
    bad('hub/server/app.ts', 'renderer/src/main.ts');
    bad('hub/server/app.ts', 'electron/main/ipc.ts');
    ok('hub/store/queries/ingest.ts', 'content/schema/hub-api/track-message.ts');
    bad('hub/store/queries/ingest.ts', 'hub/server/app.ts');
    bad('hub/store/queries/ingest.ts', 'content/lib/index.ts');
    ok('hub/console/src/api/client.ts', 'content/schema/hub-api/index.ts');
    bad('hub/console/src/api/client.ts', 'hub/server/app.ts');
    bad('hub/console/src/api/client.ts', 'hub/store/database.ts');
    bad('hub/console/src/main.ts', 'renderer/src/main.ts');
  });
  it('never lets the product import tests or build scripts', () => {
    bad('renderer/src/a.ts', 'test/e2e/fixtures.ts');
    bad('content/lib/a.ts', 'build/scripts/x.ts');
    expect(checkProjectImport('test/e2e/a.ts', 'renderer/src/main.ts')).toBeNull();
  });
});

describe('package imports', () => {
  const ok = (from: string, spec: string, names: string[] = []) => expect(checkBareImport(from, spec, { names })).toBeNull();
  const bad = (from: string, spec: string, names: string[] = []) => expect(checkBareImport(from, spec, { names })).toBeTruthy();

  it('applies the table to packages and builtins', () => {
    ok('electron/common/a.ts', 'zod');
    bad('electron/common/a.ts', 'vue');
    bad('electron/common/a.ts', 'node:fs');
    ok('electron/main/a.ts', 'electron');
    ok('electron/main/a.ts', 'node:fs');
    ok('electron/main/a.ts', 'electron-updater');
    ok('electron/main/a.ts', 'pino');
    bad('electron/main/a.ts', 'vue');
    bad('electron/main/a.ts', 'fs');
    ok('electron/preload/p.ts', 'electron', ['contextBridge', 'ipcRenderer']);
    bad('electron/preload/p.ts', 'electron', ['contextBridge', 'shell']);
    bad('renderer/src/a.ts', 'node:fs');
    bad('renderer/src/a.ts', 'electron');
    ok('renderer/src/a.ts', 'vue');
    ok('renderer/src/a.ts', '@mediapipe/tasks-vision');
    // Only the allow-list: Node packages that would bundle (or fail) in the browser do not pass.
    for (const pkg of RENDERER_PACKAGES) ok('renderer/src/a.ts', pkg);
    bad('renderer/src/a.ts', 'yauzl');
    bad('renderer/src/a.ts', 'better-sqlite3');
    bad('renderer/src/a.ts', 'pixi.js');
    bad('games/a.ts', 'vue');
    ok('games/a.ts', 'pixi.js');
    ok('games/catch/a.ts', 'pixi.js');
    bad('games/catch/a.ts', 'vue');
    bad('games/catch/a.ts', 'dexie');
    bad('games/catch/a.ts', '@mediapipe/tasks-vision');
    ok('content/schema/a.ts', 'zod');
    bad('content/schema/a.ts', 'node:fs');
    ok('content/lib/a.ts', 'yauzl');
    ok('hub/server/a.ts', 'fastify');
    ok('hub/server/a.ts', 'node:crypto');
    bad('hub/server/a.ts', 'vue');
    bad('hub/server/a.ts', 'electron');
    ok('hub/store/a.ts', 'kysely');
    ok('hub/store/a.ts', 'pg');
    bad('hub/store/a.ts', 'fastify');
    ok('hub/console/src/a.ts', 'vue-echarts');
    bad('hub/console/src/a.ts', 'node:fs');
    bad('hub/console/src/a.ts', 'kysely');
    bad('content/lib/a.ts', 'electron');
  });
  it('lets unit tests and testing/ support use test tooling but not reach across layers', () => {
    ok('electron/main/ipc.test.ts', 'vitest');
    ok('hub/store/testing/each-database.ts', 'vitest');
    bad('hub/store/queries/ingest.ts', 'vitest');
    expect(checkProjectImport('hub/store/queries/ingest.ts', 'hub/store/testing/pg-cluster.ts')).toMatch(/test support is for tests only/);
    expect(checkProjectImport('hub/store/ingest.test.ts', 'hub/store/testing/pg-cluster.ts')).toBeNull();
    ok('games/catch/rules.test.ts', 'vitest');
    expect(checkProjectImport('games/catch/rules.test.ts', 'games/wheel/rules.ts')).toMatch(/must not/);
    // Where the shared test data is found: one module for every test, whatever its layer.
    expect(checkProjectImport('renderer/src/scan/gs1/upce.test.ts', 'test/support/testdata.ts')).toBeNull();
    expect(checkProjectImport('renderer/src/scan/gs1/upce.ts', 'test/support/testdata.ts')).toMatch(/must not/);
    expect(checkProjectImport('renderer/src/scan/gs1/upce.test.ts', 'test/support/chromium.ts')).toMatch(/must not/);
  });
});

describe('the rule inside ESLint', () => {
  it('reports a renderer file that reaches for node:fs and the main process', async () => {
    const eslint = new ESLint({ cwd: root });
    const code = "import fs from 'node:fs';\nimport { x } from '../../electron/main/window';\nexport const y = [fs, x];\n";
    const [result] = await eslint.lintText(code, { filePath: path.join(root, 'renderer/src/bad-example.ts') });
    const messages = result!.messages.filter((m) => m.ruleId === 'local/layering').map((m) => m.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/Bad layering: .*must not import 'node:fs'/);
    expect(messages[1]).toMatch(/Bad layering: .*must not import electron\/main\/window/);
  });

  it('reports a game importing Vue inside a .vue-free game folder', async () => {
    const eslint = new ESLint({ cwd: root });
    const code = "import { ref } from 'vue';\nexport const r = ref(1);\n";
    const [result] = await eslint.lintText(code, { filePath: path.join(root, 'games/catch/bad-example.ts') });
    expect(result!.messages.map((m) => m.message).join('\n')).toMatch(/Bad layering: .*never Vue/);
  });

  it('reports a file directly under games/ that imports Vue', async () => {
    const eslint = new ESLint({ cwd: root });
    const code = "import { ref } from 'vue';\nexport const r = ref(1);\n";
    const [result] = await eslint.lintText(code, { filePath: path.join(root, 'games/bad-example.ts') });
    expect(result!.messages.map((m) => m.message).join('\n')).toMatch(/Bad layering: .*must not import 'vue'/);
  });

  it('reports a renderer file that imports a Node package', async () => {
    const eslint = new ESLint({ cwd: root });
    const code = "import yauzl from 'yauzl';\nexport const z = yauzl;\n";
    const [result] = await eslint.lintText(code, { filePath: path.join(root, 'renderer/src/bad-example.ts') });
    expect(result!.messages.map((m) => m.message).join('\n')).toMatch(/Bad layering: .*must not import 'yauzl'/);
  });
});
