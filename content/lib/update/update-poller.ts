// Polls a URL for a new pack: a cheap conditional GET (ETag / If-None-Match) each
// interval, a resumable download when it changed, then the host's `onPack` (import and
// activate). A pack that was handled — imported or refused — is not fetched again until
// the server has a different one. Failures retry sooner, with full-jitter backoff, and
// never before a Retry-After the server asked for.
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fullJitterDelay } from '../../schema/retry.ts';
import { writeFileDurable } from '../files/durable-write.ts';
import { hashFile } from '../files/hash-file.ts';
import { downloadResumable, DownloadError } from './resumable-download.ts';

export interface UpdatePollerOptions {
  url: string;
  /** Holds the .part download and the poller's small state file. */
  workDir: string;
  intervalMs: number;
  /** Import and activate the downloaded file; throw to refuse it (it is then not fetched again). */
  onPack: (file: string) => Promise<void>;
  maxBytes?: number;
  stallTimeoutMs?: number;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  /** The longest wait after a first failure; each further failure doubles it, up to intervalMs. */
  retryBaseMs?: number;
  random?: () => number;
}

export type PollOutcome =
  | { kind: 'not-modified' }
  | { kind: 'imported'; bytes: number; resumed: boolean }
  | { kind: 'refused'; error: unknown }
  | { kind: 'failed'; error: unknown; retryInMs: number };

export interface UpdatePoller {
  pollOnce(): Promise<PollOutcome>;
  /** Polls now and then every interval until `stop`. */
  start(onOutcome?: (outcome: PollOutcome) => void): void;
  stop(): Promise<void>;
}

interface PollerState {
  /** The last pack handled (imported or refused). */
  handled?: { etag?: string; lastModified?: string; sha256: string };
  /** The validator of the file the .part belongs to. */
  partValidator?: string;
}

export function createUpdatePoller(options: UpdatePollerOptions): UpdatePoller {
  const stateFile = path.join(options.workDir, 'poller-state.json');
  const partFile = path.join(options.workDir, 'download.kpack.part');
  const readyFile = path.join(options.workDir, 'download.kpack');
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<PollOutcome> | undefined;
  let stopped = true;
  let abort = new AbortController();

  const loadState = async (): Promise<PollerState> => {
    try {
      return JSON.parse(await readFile(stateFile, 'utf8')) as PollerState;
    } catch {
      return {};
    }
  };
  const saveState = (state: PollerState) => writeFileDurable(stateFile, JSON.stringify(state));

  /** After `failures` failures in a row: a full-jitter wait (up to retryBaseMs after the first), at least what the server asked for. */
  const retryDelay = (error: unknown): number => {
    const wait = fullJitterDelay(failures - 1, { baseMs: options.retryBaseMs ?? 10_000, capMs: options.intervalMs }, options.random);
    const asked = error instanceof DownloadError ? error.retryAfterMs : undefined;
    return Math.max(wait, asked ?? 0);
  };

  async function poll(): Promise<PollOutcome> {
    await mkdir(options.workDir, { recursive: true });
    let state = await loadState();
    try {
      const result = await downloadResumable({
        url: options.url,
        partFile,
        partValidator: state.partValidator,
        ifNoneMatch: state.handled?.etag,
        ifModifiedSince: state.handled?.etag ? undefined : state.handled?.lastModified,
        maxBytes: options.maxBytes ?? 4_000_000_000,
        stallTimeoutMs: options.stallTimeoutMs ?? 60_000,
        headers: options.headers,
        fetch: options.fetch,
        signal: abort.signal,
        onValidator: async (validator) => {
          state = { ...state, partValidator: validator };
          await saveState(state);
        },
      });
      failures = 0;
      if (result.kind === 'not-modified') return result;
      const { sha256 } = await hashFile(partFile);
      const sameAsHandled = sha256 === state.handled?.sha256;
      state = { handled: { etag: result.etag, lastModified: result.lastModified, sha256 } };
      if (sameAsHandled) {
        await rm(partFile, { force: true });
        await saveState(state);
        return { kind: 'not-modified' };
      }
      await rename(partFile, readyFile);
      try {
        await options.onPack(readyFile);
        return { kind: 'imported', bytes: result.bytes, resumed: result.resumed };
      } catch (error) {
        return { kind: 'refused', error };
      } finally {
        await saveState(state);
        await rm(readyFile, { force: true });
      }
    } catch (error) {
      failures++;
      return { kind: 'failed', error, retryInMs: retryDelay(error) };
    }
  }

  const pollOnce = (): Promise<PollOutcome> => {
    running ??= poll().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    pollOnce,
    start(onOutcome) {
      if (!stopped) return;
      stopped = false;
      abort = new AbortController();
      const tick = async () => {
        const outcome = await pollOnce();
        onOutcome?.(outcome);
        if (stopped) return;
        timer = setTimeout(tick, outcome.kind === 'failed' ? outcome.retryInMs : options.intervalMs);
        timer.unref();
      };
      void tick();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      abort.abort();
      await running?.catch(() => undefined);
    },
  };
}
