// The kiosk app's self-update, from the feed to a version that is known to work:
//   check the feed (every checkEveryMin) → download in the background (sha512 checked)
//   → ready → install between shoppers (in the night window, if one is set) → restart
//   → the new version is on probation → kept once its screen is up, or the previous
//   version is put back and the kiosk restarts into it; a version gone back from is
//   never installed again.
// Its state is what the heartbeat reports. The decisions are pure modules
// (install-policy.ts, probation.ts); the files are moved by appimage-install.ts and
// deb-install.ts; the feed is electron-updater (feed-updater.ts).
import type { AppUpdateReport, AppUpdateState } from '../../../content/schema/hub-api/heartbeat.ts';
import type { KioskLog } from '../logging/kiosk-log.ts';
import { installAppImage, keepPreviousAppImage, restoreAppImage } from './appimage-install.ts';
import { installDeb, keepPreviousDeb, restoreDeb, restoreInstalledDeb, runCommand, type RunCommand } from './deb-install.ts';
import { FeedProblem, type FeedUpdater, type UpdateKind } from './feed-updater.ts';
import { matchesSha512 } from './file-hash.ts';
import { installDecision } from './install-policy.ts';
import { Probation, verdictAtStart, type PendingUpdate } from './probation.ts';
import { addRejected, isNewerVersion, readPending, readRejected, updatePaths, writePending, type RejectedVersion } from './update-files.ts';

export interface UpdateSettings {
  checkEveryMin: number;
  nightWindow: { from: string; to: string } | undefined;
  readyTimeoutSec: number;
  timeZone: string;
}

export interface UpdateServiceOptions {
  currentVersion: string;
  /** How this install is updated; null: it is not (with `offReason`). */
  kind: UpdateKind | null;
  offReason: string | null;
  /** The AppImage systemd starts (APPIMAGE); null for a .deb. */
  appImagePath: string | null;
  dataDir: string;
  settings: UpdateSettings;
  /** The feed, for messages (its origin only is shown). */
  feedUrl: string | null;
  updater: FeedUpdater | null;
  /** The renderer's session as main last heard it, and since when. */
  session: () => { state: 'idle' | 'active'; since: number };
  /** Restarts the app (systemd or a relaunch). */
  restart: () => void;
  now: () => number;
  log: KioskLog;
  runCommand?: RunCommand;
  onChange?: (report: AppUpdateReport) => void;
}

const originOf = (url: string | null) => {
  try {
    return url ? new URL(url).origin : 'the update feed';
  } catch {
    return 'the update feed';
  }
};

export class UpdateService {
  private state: AppUpdateState;
  private available: string | null = null;
  private percent: number | null = null;
  private message: string | null;
  private lastCheckAt: number | null = null;
  private downloaded: { version: string; sha512: string; file: string } | null = null;
  private probation: Probation | null = null;
  private rejected: RejectedVersion[] = [];
  private busy = false;
  private readonly paths;
  private readonly run: RunCommand;

  constructor(private readonly o: UpdateServiceOptions) {
    this.paths = updatePaths(o.dataDir);
    this.run = o.runCommand ?? runCommand;
    this.state = o.kind && o.updater ? 'idle' : 'off';
    this.message = this.state === 'off' ? o.offReason : null;
  }

  report(): AppUpdateReport {
    return { state: this.state, currentVersion: this.o.currentVersion, availableVersion: this.available, percent: this.percent, message: this.message, lastCheckAt: this.lastCheckAt };
  }

  /** What the last start means: probation for a new version, the way back, or a report of one taken. */
  async start(): Promise<void> {
    this.rejected = await readRejected(this.paths.history);
    const newest = this.rejected.at(-1);
    if (newest && isNewerVersion(newest.version, this.o.currentVersion)) this.rolledBackState(newest);
    const verdict = verdictAtStart(await readPending(this.paths.pending), this.o.currentVersion, this.o.now());
    switch (verdict.verdict) {
      case 'none':
        break;
      case 'probation':
        await writePending(this.paths.pending, verdict.pending);
        this.probation = new Probation(verdict.pending, verdict.deadline);
        this.set('installing', { available: verdict.pending.toVersion, message: `Checking that ${verdict.pending.toVersion} starts properly (within ${verdict.pending.readyTimeoutSec} s); ${verdict.pending.fromVersion} is kept to go back to.` });
        this.o.log.info(`started ${verdict.pending.toVersion} after an update from ${verdict.pending.fromVersion} (start ${verdict.pending.starts}); waiting for its screen`);
        break;
      case 'roll-back':
        await writePending(this.paths.pending, verdict.pending);
        await this.rollBack(verdict.pending, verdict.reason);
        break;
      case 'rolled-back': {
        await writePending(this.paths.pending, null);
        const entry = this.rejected.find((r) => r.version === verdict.pending.toVersion) ?? { version: verdict.pending.toVersion, reason: verdict.reason, at: verdict.pending.rolledBack!.at };
        this.rolledBackState(entry);
        this.o.log.warn(`running ${this.o.currentVersion} again after going back from ${entry.version}: ${entry.reason}`);
        break;
      }
      case 'install-failed':
        await writePending(this.paths.pending, null);
        this.set('failed', { available: verdict.pending.toVersion, message: verdict.reason });
        this.o.log.error(verdict.reason);
        break;
      case 'stale':
        await writePending(this.paths.pending, null);
        break;
    }
  }

  /** The supervisor's readiness signal: the screen is up. */
  rendererReady(): void {
    this.probation?.ready(this.o.now());
  }

  /** The screen crashed, hung or failed to load. */
  rendererGone(): void {
    this.probation?.gone();
  }

  /** Looks at the feed and downloads what is new; does nothing while on probation or busy. */
  async checkNow(): Promise<void> {
    if (!this.o.updater || this.busy || this.probation || this.state === 'installing') return;
    this.busy = true;
    try {
      this.set('checking', {});
      const found = await this.o.updater.check();
      this.lastCheckAt = this.o.now();
      if (found.kind === 'nothing-published') return this.settle(`Nothing is published at ${originOf(this.o.feedUrl)} yet (no latest-linux.yml).`);
      if (found.kind === 'none') return this.settle(`Up to date (the feed offers ${found.latest}).`);
      const refused = this.rejected.find((r) => r.version === found.version);
      if (refused) return this.rolledBackState(refused);
      if (this.downloaded?.version === found.version && this.downloaded.sha512 === found.sha512) {
        this.set('ready', { available: found.version, message: 'Ready: installs when nobody is using the screen.' });
        return;
      }
      this.set('downloading', { available: found.version, percent: 0, message: null });
      this.o.log.info(`downloading ${found.version} from ${originOf(this.o.feedUrl)}`);
      const file = await this.o.updater.download((percent) => {
        this.percent = Math.round(percent * 10) / 10;
        this.o.onChange?.(this.report());
      });
      if (!(await matchesSha512(file, found.sha512))) throw Object.assign(new Error('the downloaded file does not match'), { code: 'ERR_CHECKSUM_MISMATCH' });
      this.downloaded = { version: found.version, sha512: found.sha512, file };
      this.set('ready', { available: found.version, message: 'Ready: installs when nobody is using the screen.' });
      this.o.log.info(`${found.version} downloaded and its sha512 checked`);
    } catch (err) {
      this.lastCheckAt = this.o.now();
      this.set('failed', { message: this.describe(err) });
      this.o.log.warn(`update check failed: ${this.message}`);
    } finally {
      this.busy = false;
    }
  }

  /** Every half minute: keep or go back from a version on probation; install a ready update when the moment is right. */
  async tick(): Promise<void> {
    const now = this.o.now();
    if (this.probation) {
      const decision = this.probation.decide(now);
      if (decision === 'keep') {
        const { fromVersion, toVersion } = this.probation.pending;
        this.probation = null;
        await writePending(this.paths.pending, null);
        this.set('idle', { available: null, message: `Updated from ${fromVersion} to ${toVersion}.` });
        this.o.log.info(`${toVersion} shows its screen: the update from ${fromVersion} is kept`);
      } else if (decision === 'roll-back') {
        const pending = this.probation.pending;
        const reason = this.probation.reason();
        this.probation = null;
        await this.rollBack(pending, reason);
      }
      return;
    }
    if (this.state !== 'ready' || !this.downloaded || this.busy) return;
    const session = this.o.session();
    const decision = installDecision({ now, session: session.state, sessionSince: session.since, nightWindow: this.o.settings.nightWindow, timeZone: this.o.settings.timeZone });
    if (!decision.install) {
      if (this.message !== decision.message) this.set('ready', { message: decision.message });
      return;
    }
    await this.install(this.downloaded);
  }

  private async install(update: { version: string; sha512: string; file: string }): Promise<void> {
    this.busy = true;
    try {
      this.set('installing', { available: update.version, percent: null, message: `Installing ${update.version}; the kiosk restarts into it.` });
      if (!(await matchesSha512(update.file, update.sha512))) {
        this.downloaded = null;
        throw new FeedProblem(`The downloaded ${update.version} no longer matches its published sha512 (changed on disk?): not installed; it is downloaded again at the next check.`);
      }
      let target: string;
      let previous: string | null;
      if (this.o.kind === 'appimage') {
        if (!this.o.appImagePath) throw new FeedProblem('The AppImage this kiosk runs from is not known (APPIMAGE is not set).');
        target = this.o.appImagePath;
        previous = await keepPreviousAppImage(target, this.paths.previousDir);
        await installAppImage(update.file, target);
      } else {
        previous = await keepPreviousDeb(this.paths.installedDir, this.paths.previousDir);
        const done = await installDeb(update.file, this.paths.installedDir, this.run);
        if (!done.ok) {
          // The running version is still the installed one: its package goes back where it was.
          await restoreInstalledDeb(this.paths.installedDir, previous);
          throw new FeedProblem(done.message);
        }
        target = done.kept;
      }
      const pending: PendingUpdate = {
        fromVersion: this.o.currentVersion,
        toVersion: update.version,
        kind: this.o.kind!,
        target,
        previous,
        installedAt: this.o.now(),
        readyTimeoutSec: this.o.settings.readyTimeoutSec,
        starts: 0,
        rolledBack: null,
      };
      await writePending(this.paths.pending, pending);
      this.o.log.info(`installed ${update.version} over ${this.o.currentVersion}${previous ? '' : ' (no previous version could be kept to go back to)'}; restarting into it`);
      this.o.restart();
    } catch (err) {
      this.set('failed', { message: this.describe(err) });
      this.o.log.error(`update not installed: ${this.message}`);
    } finally {
      this.busy = false;
    }
  }

  /** Puts the previous version back, remembers the new one as not to be installed again, and restarts. */
  private async rollBack(pending: PendingUpdate, reason: string): Promise<void> {
    this.o.log.error(`going back from ${pending.toVersion} to ${pending.fromVersion}: ${reason}`);
    const at = this.o.now();
    this.rejected = await addRejected(this.paths.history, { version: pending.toVersion, reason, at });
    if (!pending.previous) {
      await writePending(this.paths.pending, null);
      this.set('failed', { available: pending.toVersion, message: `${reason} There is no previous version kept to go back to (it was installed by hand): reinstall ${pending.fromVersion} by hand.` });
      return;
    }
    try {
      if (pending.kind === 'appimage') await restoreAppImage(pending.previous, pending.target);
      else {
        const done = await restoreDeb(pending.previous, this.run);
        if (!done.ok) throw new Error(done.message);
      }
    } catch (err) {
      await writePending(this.paths.pending, null);
      this.set('failed', { available: pending.toVersion, message: `${reason} Going back to ${pending.fromVersion} failed: ${(err as Error).message}` });
      this.o.log.error(`going back failed: ${(err as Error).message}`);
      return;
    }
    await writePending(this.paths.pending, { ...pending, rolledBack: { reason, at } });
    this.set('rolled-back', { available: pending.toVersion, message: `Going back to ${pending.fromVersion}: ${reason}` });
    this.o.restart();
  }

  private rolledBackState(entry: RejectedVersion): void {
    this.set('rolled-back', {
      available: entry.version,
      message: `Went back from ${entry.version} to ${this.o.currentVersion}: ${entry.reason} ${entry.version} will not be installed again; publish a newer version.`,
    });
  }

  /** After a check that found nothing to do: the last rolled-back report stays until something newer comes. */
  private settle(message: string): void {
    const newest = this.rejected.at(-1);
    if (newest && isNewerVersion(newest.version, this.o.currentVersion)) return this.rolledBackState(newest);
    this.set('idle', { available: null, message });
  }

  private describe(err: unknown): string {
    if (err instanceof FeedProblem) return err.message;
    const e = err as { code?: string; message?: string; statusCode?: number };
    if (e.code === 'ERR_CHECKSUM_MISMATCH') return `The download did not match the sha512 the feed publishes for it: not installed. It is downloaded again at the next check.`;
    if (e.statusCode === 401 || /\b401\b/.test(e.message ?? '')) return `${originOf(this.o.feedUrl)} refused the kiosk (401): enrol it with the hub, or publish updates where it may read them.`;
    const first = (e.message ?? String(err)).split('\n')[0]!.slice(0, 300);
    return `Could not get the update from ${originOf(this.o.feedUrl)}: ${first}`;
  }

  private set(state: AppUpdateState, change: { available?: string | null; percent?: number | null; message?: string | null }): void {
    this.state = state;
    if (change.available !== undefined) this.available = change.available;
    this.percent = change.percent !== undefined ? change.percent : state === 'downloading' ? this.percent : null;
    if (change.message !== undefined) this.message = change.message;
    this.o.onChange?.(this.report());
  }
}
