// The folder import rules of ARCHITECTURE.md as a lint rule: a wrong import between
// the layers fails `npm test`, not a review.
import path from 'node:path';
import { builtinModules } from 'node:module';

const BUILTINS = new Set(builtinModules);

/** Which layer a repository-relative path belongs to. */
export function layerOf(rel) {
  const p = rel.split(path.sep).join('/');
  if (p.startsWith('electron/common/')) return 'common';
  if (p.startsWith('electron/main/')) return 'main';
  if (p.startsWith('electron/preload/')) return 'preload';
  if (p === 'renderer/vite.config.ts') return 'tooling';
  if (p.startsWith('renderer/')) return 'renderer';
  if (p === 'games/contract.ts') return 'games-contract';
  if (p === 'games/index.ts') return 'games-index';
  if (p.startsWith('games/engine/')) return 'games-engine';
  const game = /^games\/([^/]+)\//.exec(p);
  if (game) return `game:${game[1]}`;
  // Any other file directly under games/ is shared game code: the engine's rules apply.
  if (p.startsWith('games/')) return 'games-engine';
  if (p === 'hub/console/vite.config.ts') return 'tooling';
  if (p.startsWith('hub/server/')) return 'hub-server';
  if (p.startsWith('hub/store/')) return 'hub-store';
  if (p.startsWith('hub/console/')) return 'hub-console';
  if (p.startsWith('content/schema/')) return 'content-schema';
  if (p.startsWith('content/')) return 'content-node';
  if (p.startsWith('build/')) return 'build';
  if (p.startsWith('test/')) return 'test';
  return 'tooling';
}

const isNodeBuiltin = (spec) => spec.startsWith('node:') || BUILTINS.has(spec.split('/')[0]);
const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
const PIXI = (pkg) => pkg === 'pixi.js';

/** Packages that belong to the browser or the kiosk app, never to a server. */
const BROWSER_OR_APP = new Set(['electron', 'vue', 'vue-i18n', 'pinia', 'dexie', 'pixi.js', 'echarts', 'vue-echarts', '@mediapipe/tasks-vision', 'zxing-wasm']);

/** The packages the hub's console may use. */
export const CONSOLE_PACKAGES = new Set(['vue', 'vue-i18n', 'vue-router', '@tanstack/vue-virtual', 'pinia', 'echarts', 'vue-echarts', 'zod', 'zxing-wasm', '@fontsource/noto-sans-sc', '@fontsource/noto-sans']);

/** The packages the renderer may use: a new one is a decision, made here. */
export const RENDERER_PACKAGES = new Set([
  'vue',
  'vue-i18n',
  'pinia',
  'dexie',
  'qrcode',
  'uuid',
  'zod',
  'zxing-wasm',
  '@mediapipe/tasks-vision',
  '@fontsource/noto-sans-sc',
]);

/** The packages Electron's main process may use besides electron: a new one is a decision, made here. */
export const MAIN_PACKAGES = new Set(['zod', 'pino', 'electron-updater']);

/**
 * For each layer: which project layers it may import (`layers`) and which bare
 * specifiers (`bare`, a predicate over the package name, builtins as `node:x`).
 */
const POLICY = {
  common: {
    layers: ['common', 'content-schema'],
    bare: (pkg) => pkg === 'zod',
    why: 'electron/common is pure: it may import itself, content/schema and zod',
  },
  main: {
    layers: ['common', 'main', 'content-schema', 'content-node'],
    bare: (pkg) => pkg === 'electron' || pkg.startsWith('node:') || MAIN_PACKAGES.has(pkg),
    why: `electron/main may import electron/common, content/, node:*, electron and ${[...MAIN_PACKAGES].join(', ')}`,
  },
  preload: {
    layers: ['common', 'preload'],
    bare: (pkg) => pkg === 'electron',
    why: 'electron/preload may import electron/common and contextBridge/ipcRenderer only',
  },
  renderer: {
    layers: ['common', 'renderer', 'content-schema', 'games-contract', 'games-index', 'game-entry'],
    bare: (pkg) => RENDERER_PACKAGES.has(pkg),
    why: `renderer/ may import electron/common, content/schema, the public entries of games/ and the browser packages ${[...RENDERER_PACKAGES].join(', ')}`,
  },
  'games-contract': { layers: ['games-contract'], bare: PIXI, why: 'games/contract.ts may import pixi.js only' },
  'games-index': {
    layers: ['games-contract', 'games-engine', 'game-entry'],
    bare: PIXI,
    why: 'games/index.ts may import the contract, the engine and each game\'s entry',
  },
  'games-engine': {
    layers: ['games-contract', 'games-engine'],
    bare: PIXI,
    why: 'games/engine may import pixi.js and games/contract',
  },
  game: {
    layers: ['games-contract', 'games-engine', 'self'],
    bare: PIXI,
    why: 'a game may import pixi.js, games/engine and games/contract — never Vue, Dexie, Electron, MediaPipe or another game',
  },
  'content-schema': {
    layers: ['content-schema'],
    bare: (pkg) => pkg === 'zod',
    why: 'content/schema is pure and may import only itself and zod',
  },
  'hub-server': {
    layers: ['hub-server', 'hub-store', 'content-schema', 'content-node', 'common'],
    bare: (pkg) => pkg.startsWith('node:') || !BROWSER_OR_APP.has(pkg),
    why: 'hub/server may import hub/store, content/ (Node side and schema), the pure electron/common (the kiosk CSP for the preview), node:* and server packages — never hub/console, the renderer or Electron',
  },
  'hub-store': {
    layers: ['hub-store', 'content-schema'],
    bare: (pkg) => pkg.startsWith('node:') || ['kysely', 'better-sqlite3', 'pg', 'zod'].includes(pkg),
    why: 'hub/store may import content/schema, node:*, kysely, better-sqlite3, pg and zod — never the server or the console',
  },
  'hub-console': {
    layers: ['hub-console', 'content-schema'],
    bare: (pkg) => CONSOLE_PACKAGES.has(pkg),
    why: `hub/console may import content/schema (with the hub API contract) and the browser packages ${[...CONSOLE_PACKAGES].join(', ')} — never hub/server or hub/store`,
  },
  'content-node': {
    layers: ['content-schema', 'content-node'],
    bare: (pkg) => pkg !== 'electron',
    why: 'the Node side of content/ may import content/schema, node:* and Node packages, never Electron or the app',
  },
};

function policyFor(layer) {
  if (layer.startsWith('game:')) return POLICY.game;
  return POLICY[layer];
}

/** Unit tests and the test support beside the code (`testing/` folders). */
const isTestSupport = (rel) => /\.test\.ts$/.test(rel) || /(^|\/)testing\//.test(rel);

/** Test support any unit test may use, whatever its layer: where the shared test data is. */
const SHARED_TEST_SUPPORT = new Set(['test/support/testdata.ts']);

/** Decide whether `fromRel` may import the project file `toRel`. */
export function checkProjectImport(fromRel, toRel) {
  const from = layerOf(fromRel);
  const policy = policyFor(from);
  if (!policy) return null; // build/, test/, tooling may import anything
  let to = layerOf(toRel.split(path.sep).join('/'));
  const toPath = toRel.split(path.sep).join('/');
  if (SHARED_TEST_SUPPORT.has(toPath) && /\.test\.ts$/.test(fromRel)) return null;
  if (isTestSupport(toPath) && !isTestSupport(fromRel)) {
    return `${fromRel} must not import ${toPath}: test support is for tests only`;
  }
  if (to === 'test' || to === 'build' || to === 'tooling') {
    return `${fromRel} (${from}) must not import ${toPath}: nothing in the product imports test/, build/ or tooling`;
  }
  if (to.startsWith('game:')) {
    if (from === to) to = 'self';
    else if (/^games\/[^/]+\/index\.ts$/.test(toPath)) to = 'game-entry';
  }
  if (!policy.layers.includes(to)) return `${fromRel} must not import ${toPath}: ${policy.why}`;
  return null;
}

/** Decide whether `fromRel` may import the bare specifier `spec` (a package or builtin). */
export function checkBareImport(fromRel, spec, { names = [] } = {}) {
  // A unit test, and the test support beside the code, may use test tooling (vitest,
  // fake-indexeddb, node:fs for fixtures); their project imports still follow their layer.
  if (isTestSupport(fromRel)) return null;
  const from = layerOf(fromRel);
  const policy = policyFor(from);
  if (!policy) return null;
  const pkg = isNodeBuiltin(spec) ? (spec.startsWith('node:') ? spec : `node:${spec}`) : packageName(spec);
  if (isNodeBuiltin(spec) && !spec.startsWith('node:') && policy.bare(`node:${spec}`)) {
    return `${fromRel}: import Node builtins with the node: prefix ('node:${spec}')`;
  }
  if (!policy.bare(pkg)) return `${fromRel} must not import '${spec}': ${policy.why}`;
  if (from === 'preload' && pkg === 'electron') {
    const bad = names.filter((n) => n !== 'contextBridge' && n !== 'ipcRenderer');
    if (bad.length || names.length === 0) {
      return `${fromRel} may take only contextBridge and ipcRenderer from electron (found: ${bad.join(', ') || 'a namespace import'})`;
    }
  }
  return null;
}

function stripQuery(spec) {
  const q = spec.indexOf('?');
  return q === -1 ? spec : spec.slice(0, q);
}

function resolveProjectFile(fromAbs, spec, root) {
  const clean = stripQuery(spec);
  const abs = clean.startsWith('/') ? path.join(root, clean) : path.resolve(path.dirname(fromAbs), clean);
  return path.relative(root, abs);
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the folder import rules of ARCHITECTURE.md' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: { bad: 'Bad layering: {{detail}}' },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const fromAbs = context.filename;
    const fromRel = path.relative(root, fromAbs).split(path.sep).join('/');
    if (fromRel.startsWith('..')) return {};

    function check(node, spec, { names = [] } = {}) {
      if (typeof spec !== 'string') return;
      let detail;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const toRel = resolveProjectFile(fromAbs, spec, root);
        if (toRel.startsWith('..')) detail = `${fromRel} imports ${spec}, outside the repository`;
        else detail = checkProjectImport(fromRel, toRel);
      } else {
        detail = checkBareImport(fromRel, stripQuery(spec), { names });
      }
      if (detail) context.report({ node, messageId: 'bad', data: { detail } });
    }

    const specifierNames = (node) =>
      (node.specifiers ?? [])
        .filter((s) => s.type === 'ImportSpecifier' || s.type === 'ExportSpecifier')
        .map((s) => (s.imported ?? s.local)?.name ?? s.local?.name);
    return {
      ImportDeclaration(node) {
        check(node.source, node.source.value, { names: specifierNames(node) });
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node.source, node.source.value, { names: specifierNames(node) });
      },
      ExportAllDeclaration(node) {
        check(node.source, node.source.value);
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node.source, node.source.value);
      },
      TSImportType(node) {
        const arg = node.argument?.literal ?? node.argument;
        if (arg?.type === 'Literal') check(node, arg.value);
      },
    };
  },
};

export default { rules: { layering: rule } };
