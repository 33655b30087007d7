// The kiosk's content packs: takes packs from the bundled demo, watched folders and USB
// sticks, an update URL and the admin screen; switches only between shoppers; keeps a
// new pack only once the renderer has started on it, and rolls back by itself if it
// does not. Plain Node (no Electron), so it is tested as it runs.
import path from 'node:path';
import { openCatalog, PackImportError, type PackPointer, type PackStore } from '../../content/lib/index.ts';
import type { TrustedKey } from '../../content/schema/kiosk-config.ts';
import type { ActivePack, SessionState } from '../common/kiosk-api.ts';
import type { HostNotice, HostNoticeInput, PackCheckReport, PackSource } from '../common/pack-admin.ts';

export const PACK_BASE_URL = 'pack://active/';

export interface PackServiceOptions {
  store: PackStore;
  trustedKeys: () => readonly TrustedKey[];
  kiosk: { storeId: string; kioskId: string };
  /** The pack shipped with the app, trusted only by its own key, used when none is installed. */
  bundled: { file: string; trustedKeys: readonly TrustedKey[] } | null;
  /** How long the renderer has to report that it started on a new pack. */
  readyTimeoutMs: number;
  onActivePackChanged: (pack: ActivePack) => void;
  onNotice: (notice: HostNotice) => void;
  log: (message: string) => void;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  now?: () => Date;
}

/** A failure in words a merchandiser can act on, and a stable code. */
export function describeImportError(error: unknown): { code: string; message: string; problems: string[] } {
  if (error instanceof PackImportError) {
    return {
      code: error.code,
      message: error.message,
      problems: error.problems.map((p) => `${p.file}${p.id ? ` (${p.id})` : ''}${p.field ? ` ${p.field}` : ''}: ${p.message['zh-CN']} / ${p.message.en}`),
    };
  }
  return { code: 'io', message: error instanceof Error ? error.message : String(error), problems: [] };
}

export class PackService {
  private session: SessionState = 'idle';
  private pending: { dir: string; packId: string; version: string; source: PackSource } | null = null;
  private readyTimer: unknown = null;
  private noticeId = 0;
  private notices: HostNotice[] = [];
  private lastError: string | null = null;
  private rollbacks = 0;
  private work: Promise<unknown> = Promise.resolve();
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly o: PackServiceOptions) {
    this.setTimer = o.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = o.clearTimeout ?? ((h) => clearTimeout(h as NodeJS.Timeout));
  }

  /** At host start: roll back a pack that never started, install the bundled pack if there is none. */
  async start(): Promise<void> {
    const outcome = await this.o.store.recordStartAttempt(3);
    if (outcome === 'rolled-back') {
      this.rollbacks += 1;
      const rolled = this.o.store.lastRolledBack();
      this.notify({ kind: 'pack-rolled-back', packId: rolled?.packId ?? '', version: rolled?.version ?? '', reason: rolled?.reason ?? 'did not start', toPackId: this.o.store.active()?.packId ?? null, toVersion: this.o.store.active()?.version ?? null });
    }
    if (!this.o.store.active() && this.o.bundled) {
      await this.importFile(this.o.bundled.file, 'bundled', this.o.bundled.trustedKeys);
    }
    if (this.o.store.isPendingConfirmation()) this.armReadyTimer();
  }

  active(): ActivePack | null {
    const p = this.o.store.active();
    return p ? { packId: p.packId, version: p.version, activation: p.activation, baseUrl: PACK_BASE_URL } : null;
  }

  activeDir(): string | null {
    return this.o.store.activeDir();
  }

  lastImportError(): string | null {
    return this.lastError;
  }

  /** Packs the kiosk went back from, by itself or on an admin's word, since the app started. */
  rollbackCount(): number {
    return this.rollbacks;
  }

  /** Notices the renderer has not yet acknowledged (it turns them into events). */
  pendingNotices(): HostNotice[] {
    return [...this.notices];
  }

  ackNotices(uptoId: number): void {
    this.notices = this.notices.filter((n) => n.id > uptoId);
  }

  /**
   * Imports a pack file and makes it active at the next idle moment. Resolves whether
   * or not the import succeeded: a failure is recorded, reported and leaves the active
   * pack as it was.
   */
  importFile(file: string, source: PackSource, trustedKeys: readonly TrustedKey[] = this.o.trustedKeys()): Promise<boolean> {
    return this.serial(async () => {
      try {
        const staged = await this.o.store.stage(file, { trustedKeys, kiosk: this.o.kiosk, now: this.now() });
        const active = this.o.store.active();
        if (active && active.packId === staged.manifest.packId && active.version === staged.manifest.version) {
          await this.o.store.discard(staged.dir);
          this.o.log(`pack ${active.packId}@${active.version} from ${file} is already active`);
          return true;
        }
        if (this.pending) await this.o.store.discard(this.pending.dir);
        this.pending = { dir: staged.dir, packId: staged.manifest.packId, version: staged.manifest.version, source };
        this.o.log(`pack ${this.pending.packId}@${this.pending.version} imported from ${file}; it starts at the next idle moment`);
        this.lastError = null;
        if (this.session === 'idle') await this.activatePending();
        return true;
      } catch (error) {
        const { code, message } = describeImportError(error);
        this.lastError = `${path.basename(file)}: ${message}`;
        this.o.log(`pack import from ${file} failed (${code}): ${message}`);
        this.notify({ kind: 'pack-import-failed', source, file: path.basename(file), code, message });
        return false;
      }
    });
  }

  /**
   * Checks a pack file completely (a dry-run import) without changing anything. It is
   * unpacked in the store's staging folder, so a check cut short by a crash or a power
   * cut is cleared when the store next opens.
   */
  async check(file: string): Promise<PackCheckReport> {
    let staged: string | null = null;
    try {
      const pack = await this.o.store.stage(file, { trustedKeys: this.o.trustedKeys(), kiosk: this.o.kiosk, now: this.now() });
      staged = pack.dir;
      const catalog = await openCatalog(pack.dir);
      return {
        ok: true,
        packId: pack.manifest.packId,
        version: pack.manifest.version,
        title: pack.manifest.title['zh-CN'] + (pack.manifest.title.en ? ` / ${pack.manifest.title.en}` : ''),
        productCount: catalog.index.productCount,
        validTo: pack.manifest.validTo ?? null,
      };
    } catch (error) {
      return { ok: false, ...describeImportError(error) };
    } finally {
      if (staged) await this.o.store.discard(staged);
    }
  }

  setSessionState(state: SessionState): Promise<void> {
    this.session = state;
    return state === 'idle' ? this.serial(() => this.activatePending()) : Promise.resolve();
  }

  /** The renderer started on `pack`: keep it. */
  rendererReady(pack: { packId: string; version: string; activation: number }): Promise<void> {
    return this.serial(async () => {
      const active = this.o.store.active();
      if (!active || active.activation !== pack.activation) return;
      this.disarmReadyTimer();
      if (this.o.store.isPendingConfirmation()) {
        await this.o.store.markGood();
        this.o.log(`pack ${active.packId}@${active.version} confirmed by the renderer`);
      }
    });
  }

  /** The renderer could not show `pack`: go back to the one before. */
  rendererFailed(pack: { activation: number }, reason: string): Promise<void> {
    return this.serial(async () => {
      const active = this.o.store.active();
      if (active && active.activation === pack.activation && active.confirmed === false) await this.rollbackNow(reason);
    });
  }

  /** Admin: go back to the previous pack. */
  rollback(reason: string): Promise<boolean> {
    return this.serial(async () => (await this.rollbackNow(reason)) !== null);
  }

  private async activatePending(): Promise<void> {
    const next = this.pending;
    if (!next || this.session !== 'idle') return;
    this.pending = null;
    const pointer = await this.o.store.activate(next.dir);
    this.notify({ kind: 'pack-activated', packId: pointer.packId, version: pointer.version, source: next.source });
    this.announce(pointer);
    this.armReadyTimer();
  }

  private async rollbackNow(reason: string): Promise<PackPointer | null> {
    const from = this.o.store.active();
    const to = await this.o.store.rollback(reason);
    if (!from || !to) return null;
    this.rollbacks += 1;
    this.disarmReadyTimer();
    this.o.log(`pack ${from.packId}@${from.version} rolled back to ${to.packId}@${to.version}: ${reason}`);
    this.notify({ kind: 'pack-rolled-back', packId: from.packId, version: from.version, reason, toPackId: to.packId, toVersion: to.version });
    this.announce(to);
    return to;
  }

  private announce(pointer: PackPointer): void {
    this.o.onActivePackChanged({ packId: pointer.packId, version: pointer.version, activation: pointer.activation, baseUrl: PACK_BASE_URL });
  }

  private armReadyTimer(): void {
    this.disarmReadyTimer();
    const activation = this.o.store.active()?.activation;
    this.readyTimer = this.setTimer(() => {
      this.readyTimer = null;
      void this.rendererFailed({ activation: activation ?? -1 }, `the screen did not start on it within ${Math.round(this.o.readyTimeoutMs / 1000)} s`);
    }, this.o.readyTimeoutMs);
  }

  private disarmReadyTimer(): void {
    if (this.readyTimer !== null) this.clearTimer(this.readyTimer);
    this.readyTimer = null;
  }

  private notify(input: HostNoticeInput): void {
    const notice = { ...input, id: ++this.noticeId, at: this.now().toISOString() } as HostNotice;
    this.notices.push(notice);
    if (this.notices.length > 100) this.notices.shift();
    this.o.onNotice(notice);
  }

  private now(): Date {
    return this.o.now?.() ?? new Date();
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.work.then(work, work);
    this.work = next.catch(() => undefined);
    return next;
  }
}
