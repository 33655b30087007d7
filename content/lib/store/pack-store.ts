// Where a kiosk keeps its content packs (pure Node, no Electron):
//
//   <root>/active.json                  pointer: active + previous pack (atomic switch)
//   <root>/packs/<packId>@<version>-<n>  activated packs, never modified
//   <root>/staging/<random>             imports in progress (cleared at start-up)
//
// A pack is imported into staging, then `activate` moves it into packs/ and switches the
// pointer with one durable rename. The new pack stays "pending" until `markGood`; a host
// that never hears from the renderer calls `rollback`. Packs other than active and
// previous are pruned, oldest first, while the store is over its disk budget.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Manifest } from '../../schema/manifest.ts';
import { MANIFEST_FILE } from '../../schema/layout.ts';
import { fsyncDir } from '../files/durable-write.ts';
import { listFiles } from '../files/list-files.ts';
import { importPack, type ImportedPack, type ImportOptions } from '../import/import-pack.ts';
import { EMPTY_STATE, readState, writeState, type PackPointer, type StoreState } from './store-state.ts';

export interface PackStoreOptions {
  /** Disk kept for packs; older packs beyond active and previous are pruned to stay under it. */
  diskBudgetBytes?: number;
}

const STATE_FILE = 'active.json';

async function dirSize(dir: string): Promise<number> {
  const { files } = await listFiles(dir);
  let total = 0;
  for (const file of files) total += (await stat(path.join(dir, file))).size;
  return total;
}

export class PackStore {
  private state: StoreState = EMPTY_STATE;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly root: string,
    private readonly options: PackStoreOptions,
  ) {}

  /** Opens (or creates) a store, clears interrupted imports and repairs a pointer to a missing pack. */
  static async open(root: string, options: PackStoreOptions = {}): Promise<PackStore> {
    const store = new PackStore(path.resolve(root), options);
    await mkdir(path.join(store.root, 'packs'), { recursive: true });
    await rm(store.stagingRoot, { recursive: true, force: true });
    await mkdir(store.stagingRoot, { recursive: true });
    for (const name of await readdir(store.root)) if (name.endsWith('.tmp')) await rm(path.join(store.root, name), { force: true });
    store.state = await readState(store.stateFile);
    await store.repair();
    return store;
  }

  private get stateFile(): string {
    return path.join(this.root, STATE_FILE);
  }

  private get stagingRoot(): string {
    return path.join(this.root, 'staging');
  }

  /** Runs store changes one at a time. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async exists(pointer: PackPointer | null): Promise<boolean> {
    return pointer !== null && (await stat(path.join(this.root, pointer.dir)).catch(() => null))?.isDirectory() === true;
  }

  private async repair(): Promise<void> {
    const { active, previous } = this.state;
    if (active && !(await this.exists(active))) {
      const fallback = (await this.exists(previous)) ? previous : null;
      await this.commit({ ...this.state, active: fallback, previous: null });
    } else if (previous && !(await this.exists(previous))) {
      await this.commit({ ...this.state, previous: null });
    }
  }

  private async commit(state: StoreState): Promise<void> {
    await writeState(this.stateFile, state);
    this.state = state;
  }

  /** The active pack's directory (absolute), or null before the first pack. */
  activeDir(): string | null {
    return this.state.active ? path.join(this.root, this.state.active.dir) : null;
  }

  active(): PackPointer | null {
    return this.state.active;
  }

  previous(): PackPointer | null {
    return this.state.previous;
  }

  /** The last pack that was rolled back, so a host does not activate it again unasked. */
  lastRolledBack(): StoreState['rolledBack'] {
    return this.state.rolledBack;
  }

  /** True while the active pack has not yet been confirmed by `markGood`. */
  isPendingConfirmation(): boolean {
    return this.state.active !== null && !this.state.active.confirmed;
  }

  /** Imports a .kpack into a new staging directory of this store; activate or discard it next. */
  stage(zipPath: string, options: Omit<ImportOptions, 'stagingDir'>): Promise<ImportedPack> {
    const stagingDir = path.join(this.stagingRoot, `${Date.now()}-${randomBytes(4).toString('hex')}`);
    return importPack(zipPath, { ...options, stagingDir });
  }

  async discard(stagedDir: string): Promise<void> {
    await rm(this.insideStaging(stagedDir), { recursive: true, force: true });
  }

  private insideStaging(dir: string): string {
    const resolved = path.resolve(dir);
    if (path.dirname(resolved) !== this.stagingRoot) throw new Error(`not a staging directory of this store: ${dir}`);
    return resolved;
  }

  /** Makes a staged pack the active one; the active one becomes previous. */
  activate(stagedDir: string): Promise<PackPointer> {
    return this.serial(async () => {
      const staged = this.insideStaging(stagedDir);
      const manifest = Manifest.parse(JSON.parse(await readFile(path.join(staged, MANIFEST_FILE), 'utf8')));
      const activation = this.state.activations + 1;
      const dir = `packs/${manifest.packId}@${manifest.version}-${activation}`;
      await rename(staged, path.join(this.root, dir));
      await fsyncDir(path.join(this.root, 'packs'));
      const pointer: PackPointer = { dir, packId: manifest.packId, version: manifest.version, activation, activatedAt: new Date().toISOString(), confirmed: false, startAttempts: 0 };
      await this.commit({ ...this.state, activations: activation, active: pointer, previous: this.state.active ?? this.state.previous });
      await this.pruneNow();
      return pointer;
    });
  }

  /** The renderer started on the active pack: keep it. */
  markGood(): Promise<void> {
    return this.serial(async () => {
      if (this.state.active && !this.state.active.confirmed) await this.commit({ ...this.state, active: { ...this.state.active, confirmed: true } });
    });
  }

  /**
   * Goes back to the previous pack (it gets a new activation number, so the renderer
   * reloads). Returns the new active pointer, or null when there is nothing to go back to.
   */
  rollback(reason = 'rollback'): Promise<PackPointer | null> {
    return this.serial(async () => {
      const { active, previous } = this.state;
      if (!previous) return null;
      const activation = this.state.activations + 1;
      const restored: PackPointer = { ...previous, activation, activatedAt: new Date().toISOString(), confirmed: true, startAttempts: 0 };
      const rolledBack = active ? { packId: active.packId, version: active.version, at: new Date().toISOString(), reason } : this.state.rolledBack;
      await this.commit({ ...this.state, activations: activation, active: restored, previous: null, rolledBack });
      await this.pruneNow();
      return restored;
    });
  }

  /**
   * Call once per host start: counts starts on an unconfirmed pack and rolls back when
   * it has failed to confirm `maxAttempts` times (a pack that crashes the kiosk).
   */
  recordStartAttempt(maxAttempts = 3): Promise<'confirmed' | 'pending' | 'rolled-back'> {
    return this.serial(async () => {
      const { active } = this.state;
      if (!active || active.confirmed) return 'confirmed';
      if (active.startAttempts + 1 < maxAttempts || !this.state.previous) {
        await this.commit({ ...this.state, active: { ...active, startAttempts: active.startAttempts + 1 } });
        return 'pending';
      }
      return 'rolled-back';
    }).then(async (outcome) => {
      if (outcome === 'rolled-back') await this.rollback(`not confirmed after ${maxAttempts} starts`);
      return outcome;
    });
  }

  prune(): Promise<void> {
    return this.serial(() => this.pruneNow());
  }

  private async pruneNow(): Promise<void> {
    const keep = new Set([this.state.active?.dir, this.state.previous?.dir].filter(Boolean));
    const packs = await readdir(path.join(this.root, 'packs'));
    const sized = await Promise.all(packs.map(async (name) => ({ dir: `packs/${name}`, size: await dirSize(path.join(this.root, 'packs', name)), n: Number(/-(\d+)$/.exec(name)?.[1] ?? 0) })));
    let total = sized.reduce((sum, p) => sum + p.size, 0);
    const budget = this.options.diskBudgetBytes ?? Number.POSITIVE_INFINITY;
    for (const pack of sized.filter((p) => !keep.has(p.dir)).sort((a, b) => a.n - b.n)) {
      if (total <= budget) break;
      await rm(path.join(this.root, pack.dir), { recursive: true, force: true });
      total -= pack.size;
    }
  }
}
