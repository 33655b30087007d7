// The kiosk's side of the hub: enrols once (a pre-seeded token at start, or a code typed
// on the admin screen), then reports its health every heartbeatSec, fetches commands by
// long-poll, runs each exactly once and reports how it went. Every failure backs off
// with the project's one backoff, forever, and blocks nothing else; a 401 means the
// credential was revoked: the agent forgets it and waits for a new enrolment.
//
// Plain TypeScript with no Electron and no DOM: main runs it in Node, the browser-mode
// host runs it in the page. Time, storage, the network and the commands are injected.
import { CouponPublicKeyRecord } from '../../../content/schema/coupon/coupon-records.ts';
import { CommandResult, commandResultRoute, commandsRoute, type CommandKind, type KioskCommand } from '../../../content/schema/hub-api/commands.ts';
import { enrolRoute, type EnrolResponse } from '../../../content/schema/hub-api/enrolment.ts';
import { heartbeatRoute } from '../../../content/schema/hub-api/heartbeat.ts';
import type { AssignedPack } from '../../../content/schema/hub-api/pack.ts';
import type { TrustedKey } from '../../../content/schema/kiosk-config.ts';
import type { HubRoute } from '../../../content/schema/hub-api/route.ts';
import type { KioskSettings } from '../kiosk-settings.ts';
import type { CouponPublicKey } from '../host-payloads.ts';
import { realAgentClock, type AgentClock } from './agent-clock.ts';
import { StoredCredential, type EnrolledCredential, type RevokedCredential, type ValueStore } from './agent-stores.ts';
import { ledgerResult, planCommand, readLedger, withEntry, type LedgerEntry } from './command-ledger.ts';
import type { HeartbeatFacts } from './heartbeat-body.ts';
import { callHub, type HubAnswer, type HubCallInput } from './hub-client.ts';
import type { EventsTarget, HubCommandRun, HubEnrolResult, HubState, HubStatus } from './hub-payloads.ts';
import {
  describeEnrolFailure,
  describeFailure,
  enrolFailureIsFinal,
  enrolStoreId,
  hubOrigin,
  normaliseEnrolmentSecret,
  POLL_GRACE_MS,
  REQUEST_TIMEOUT_MS,
  retryDelay,
  revokedReason,
  type Failure,
} from './hub-rules.ts';

/** What running a command came to, and what to do once the hub has the result (reload, restart). */
export interface CommandOutcome {
  result: CommandResult;
  /** Runs after the result was acknowledged, or given up on; not when the agent is stopped. */
  afterReported?: () => void;
}

/** How the host carries out each kind of command: a kind without an executor does not compile. */
export type CommandExecutors = { readonly [K in CommandKind]: (command: KioskCommand) => Promise<CommandOutcome> };

export interface HubAgentOptions {
  settings: KioskSettings['hub'];
  device: { deviceId: string; storeId: string; kioskName: string; appVersion: string; platform: string };
  /** The public key the kiosk's coupons are signed with, registered at enrolment (null when there is none). */
  couponKey: () => Promise<CouponPublicKey | null>;
  /** What the heartbeat says: the host's facts and the renderer's last report. */
  heartbeat: () => HeartbeatFacts | Promise<HeartbeatFacts>;
  executors: CommandExecutors;
  credentials: ValueStore<StoredCredential>;
  ledger: ValueStore<LedgerEntry[]>;
  fetch?: typeof fetch;
  clock?: AgentClock;
  random?: () => number;
  /** Lines for the host's log: never the credential or a secret. */
  log?: (line: string) => void;
  /** Every change of the status (state, last heartbeat, last error, last command). */
  onStatus?: (status: HubStatus) => void;
  /** What the hub says about content packs, at enrolment and in every heartbeat answer. */
  onPackNews?: (news: HubPackNews) => void;
}

/**
 * The hub's word on content packs: the keys its packs are signed with, and (in heartbeat
 * answers; undefined at enrolment) the pack it assigns this kiosk — null for none.
 */
export interface HubPackNews {
  trustedKeys: TrustedKey[];
  assigned?: AssignedPack | null;
}

/** Full results (with screenshots) kept in memory for re-sending within this run. */
const RESULTS_KEPT = 20;

type ErrorSlot = 'enrol' | 'heartbeat' | 'commands' | 'results';
type EnrolOutcome = { ok: true } | { ok: false; failure: Failure };

const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max - 1) + '…' : text);

/** The hub's URL as shown and compared: without user name, password or fragment. */
function cleanUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

export class HubAgent {
  private readonly url: string | null;
  private readonly clock: AgentClock;
  private readonly random: () => number;
  private readonly fetchImpl: typeof fetch;
  private credential: EnrolledCredential | null = null;
  private revoked: RevokedCredential | null = null;
  private enrolling = 0;
  /** A code typed on the admin screen is on its way. */
  private typedEnrolment = false;
  private ledger: LedgerEntry[] = [];
  private readonly fullResults = new Map<string, CommandResult>();
  private readonly errors: Record<ErrorSlot, string | null> = { enrol: null, heartbeat: null, commands: null, results: null };
  private lastHeartbeatAt: number | null = null;
  private lastCommand: HubCommandRun | null = null;
  /** The hub's clock minus the kiosk's, from the last heartbeat or commands answer: command expiry is the hub's time. */
  private hubOffsetMs = 0;
  private readonly stopped = new AbortController();
  /** One enrolment's heartbeats, polls and result posts; aborted when the credential is revoked. */
  private session: AbortController | null = null;
  /** Ends the wait between two polls (a heartbeat said commands are waiting). */
  private pollWake = new AbortController();
  private autoEnrol: AbortController | null = null;
  private readonly tasks = new Set<Promise<unknown>>();
  private ledgerWrites: Promise<unknown> = Promise.resolve();
  private started = false;

  constructor(private readonly o: HubAgentOptions) {
    this.url = cleanUrl(o.settings.url);
    this.clock = o.clock ?? realAgentClock;
    this.random = o.random ?? Math.random;
    this.fetchImpl = o.fetch ?? ((input, init) => fetch(input, init));
  }

  /** Reads what was kept, and starts reporting (enrolled) or enrolling (a token in the settings). */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    if (!this.url) return this.emit();
    this.ledger = readLedger(await this.o.ledger.read().catch((err: Error) => this.note(`the command ledger could not be read (${err.message})`)));
    const raw = await this.o.credentials.read().catch((err: Error) => this.note(`the hub credential could not be read (${err.message})`));
    const stored = StoredCredential.safeParse(raw);
    if (stored.success && stored.data.hubUrl !== this.url) {
      this.errors.enrol = `This kiosk was enrolled with the hub at ${hubOrigin(stored.data.hubUrl)}, but hub.url now names ${hubOrigin(this.url)}: enrol it with the new hub.`;
    } else if (stored.success && stored.data.kind === 'enrolled' && stored.data.deviceId !== this.o.device.deviceId) {
      this.errors.enrol = 'The stored hub credential belongs to another device id (the data folder was copied?): enrol this kiosk again.';
    } else if (stored.success && stored.data.kind === 'enrolled') {
      this.credential = stored.data;
      this.beginSession();
    } else if (stored.success && stored.data.kind === 'revoked') {
      this.revoked = stored.data;
    }
    if (this.state() === 'not-enrolled' && this.o.settings.enrolmentToken) this.track(this.enrolWithToken(this.o.settings.enrolmentToken));
    this.emit();
  }

  /** Stops everything: requests in flight are abandoned, nothing runs after. */
  async stop(): Promise<void> {
    this.stopped.abort();
    await Promise.allSettled([...this.tasks]);
  }

  status(): HubStatus {
    const state = this.state();
    const who = this.credential ?? this.revoked;
    return {
      state,
      hubUrl: this.url,
      storeId: who?.storeId ?? null,
      kioskName: who?.kioskName ?? null,
      enrolledAt: this.credential?.enrolledAt ?? null,
      lastHeartbeatAt: this.lastHeartbeatAt,
      lastError:
        this.errors.enrol ?? (state === 'revoked' ? (this.revoked?.reason ?? null) : null) ?? this.errors.heartbeat ?? this.errors.commands ?? this.errors.results,
      lastCommand: this.lastCommand,
    };
  }

  /** Where the renderer sends engagement events while enrolled; null otherwise. */
  eventsTarget(): EventsTarget | null {
    return this.url && this.credential ? { url: this.url, writeKey: this.credential.token } : null;
  }

  /** Enrols with a code typed on the admin screen (or an `et_…` token): one attempt, the hub's answer in words. */
  async enrol(typed: string): Promise<HubEnrolResult> {
    if (!this.url) return { ok: false, message: 'No hub is set up: add hub.url to kiosk.json first.' };
    if (this.credential) {
      return {
        ok: false,
        message: `This kiosk is already enrolled with the hub at ${hubOrigin(this.url)} (${this.credential.storeId} · ${this.credential.kioskName}). To enrol it again, revoke it in the console first.`,
      };
    }
    if (this.typedEnrolment) return { ok: false, message: 'An enrolment is already on its way to the hub: wait for its answer.' };
    const secret = normaliseEnrolmentSecret(typed);
    if (!secret.ok) return secret;
    // A code typed by an installer takes over from the token's retries.
    this.autoEnrol?.abort();
    this.typedEnrolment = true;
    try {
      const outcome = await this.enrolOnce(secret.secret, this.stopped.signal);
      if (outcome.ok) return { ok: true, status: this.status() };
      const message = describeEnrolFailure(outcome.failure, this.url, null);
      if (!this.credential) this.errors.enrol = message;
      this.emit();
      return { ok: false, message };
    } finally {
      this.typedEnrolment = false;
    }
  }

  private state(): HubState {
    if (!this.url) return 'off';
    if (this.credential) return 'enrolled';
    if (this.enrolling > 0) return 'enrolling';
    if (this.revoked) return 'revoked';
    return 'not-enrolled';
  }

  // ── enrolment ──────────────────────────────────────────────────────────────────────

  /** The pre-seeded token: tried until the hub answers, given up when the hub refuses it. */
  private async enrolWithToken(token: string): Promise<void> {
    const auto = (this.autoEnrol = new AbortController());
    const signal = AbortSignal.any([auto.signal, this.stopped.signal]);
    for (let failures = 1; !signal.aborted; failures++) {
      const outcome = await this.enrolOnce(token, signal);
      if (outcome.ok || signal.aborted) return;
      if (enrolFailureIsFinal(outcome.failure)) {
        this.errors.enrol = `The enrolment token in kiosk.json (hub.enrolmentToken) was refused: ${describeEnrolFailure(outcome.failure, this.url!, null)} Type a code on the admin screen, or put a new token in kiosk.json.`;
        this.log(`enrolment with the token from the settings refused (${outcome.failure.kind === 'refused' ? outcome.failure.status : outcome.failure.kind})`);
        return this.emit();
      }
      const wait = retryDelay(failures, outcome.failure, this.random);
      this.errors.enrol = describeEnrolFailure(outcome.failure, this.url!, wait.ms);
      this.emit();
      await this.clock.sleep(wait.ms, signal);
    }
  }

  private async enrolOnce(secret: string, signal: AbortSignal): Promise<EnrolOutcome> {
    this.enrolling += 1;
    this.emit();
    try {
      const key = await this.o.couponKey().catch(() => null);
      const { device } = this.o;
      const body = {
        deviceId: device.deviceId,
        storeId: enrolStoreId(device.storeId),
        kioskName: device.kioskName ? cut(device.kioskName, 80) : undefined,
        appVersion: cut(device.appVersion, 40),
        platform: cut(device.platform, 40),
        couponKey: CouponPublicKeyRecord.safeParse(key).success ? key : null,
      };
      // The code or token is this request's credential: it goes in the Authorization header.
      const answer = await this.call(enrolRoute, { body }, signal, secret);
      if (answer.kind !== 'ok') return { ok: false, failure: answer };
      if (signal.aborted) return { ok: false, failure: { kind: 'unreachable', message: 'stopped' } };
      await this.adopt(answer.body);
      return { ok: true };
    } finally {
      this.enrolling -= 1;
      this.emit();
    }
  }

  private async adopt(answer: EnrolResponse): Promise<void> {
    this.autoEnrol?.abort();
    const credential: EnrolledCredential = {
      kind: 'enrolled',
      hubUrl: this.url!,
      token: answer.token,
      deviceId: this.o.device.deviceId,
      storeId: answer.storeId,
      kioskName: answer.kioskName,
      enrolledAt: answer.enrolledAt,
    };
    this.credential = credential;
    this.revoked = null;
    for (const slot of Object.keys(this.errors) as ErrorSlot[]) this.errors[slot] = null;
    if (answer.deviceId !== this.o.device.deviceId) this.log(`the hub registered this kiosk as ${answer.deviceId} (its device id is ${this.o.device.deviceId})`);
    this.log(`enrolled with the hub at ${hubOrigin(this.url!)} as ${answer.storeId} · ${answer.kioskName}`);
    if (answer.packKeys) this.packNews({ trustedKeys: answer.packKeys });
    try {
      await this.o.credentials.write(credential);
    } catch (err) {
      this.errors.enrol = `Enrolled, but the credential could not be saved (${(err as Error).message}): the kiosk will have to be enrolled again after a restart.`;
    }
    this.beginSession();
  }

  /** The hub refused the credential: forget it, stop everything of this enrolment, wait for a new one. */
  private async revoke(failure: Failure & { kind: 'refused' }): Promise<void> {
    const was = this.credential;
    if (!was) return;
    this.credential = null;
    this.revoked = { kind: 'revoked', hubUrl: was.hubUrl, storeId: was.storeId, kioskName: was.kioskName, at: this.clock.now(), reason: revokedReason(failure) };
    this.session?.abort();
    this.session = null;
    for (const slot of Object.keys(this.errors) as ErrorSlot[]) this.errors[slot] = null;
    this.log('the hub refused the kiosk credential (401): not enrolled any more; waiting for a new enrolment');
    this.emit();
    await this.o.credentials.write(this.revoked).catch((err: Error) => this.note(`the revoked credential could not be forgotten on disk (${err.message})`));
  }

  /** 401 on a kiosk route: the credential is gone. */
  private async revokedBy(answer: HubAnswer<unknown>): Promise<boolean> {
    if (answer.kind !== 'refused' || answer.status !== 401) return false;
    await this.revoke(answer);
    return true;
  }

  // ── the enrolled kiosk: heartbeats, commands, results ──────────────────────────────

  private beginSession(): void {
    this.session?.abort();
    const session = (this.session = new AbortController());
    const signal = AbortSignal.any([session.signal, this.stopped.signal]);
    this.track(this.heartbeatLoop(signal));
    this.track(this.commandLoop(signal));
  }

  private async heartbeatLoop(signal: AbortSignal): Promise<void> {
    for (let failures = 0; !signal.aborted; ) {
      const sentAt = this.clock.now();
      const answer = await this.call(heartbeatRoute, { body: await this.heartbeatBody(sentAt) }, signal);
      if (signal.aborted) return;
      if (answer.kind === 'ok') {
        const now = this.clock.now();
        this.hubOffsetMs = answer.body.serverTime - Math.round((sentAt + now) / 2);
        this.lastHeartbeatAt = now;
        if (failures > 0) this.log('heartbeats reach the hub again');
        failures = 0;
        this.setError('heartbeat', null);
        this.emit();
        if (answer.body.commandsWaiting > 0) this.pollWake.abort();
        if (answer.body.packs) this.packNews(answer.body.packs);
        await this.clock.sleep(this.o.settings.heartbeatSec * 1000, signal);
        continue;
      }
      if (await this.revokedBy(answer)) return;
      failures += 1;
      const wait = retryDelay(failures, answer, this.random);
      this.setError('heartbeat', describeFailure('heartbeat', answer, this.url!, wait.ms));
      await this.clock.sleep(wait.ms, signal);
    }
  }

  /** Hands the hub's pack news to the host; a host that fails at it costs the agent nothing. */
  private packNews(news: HubPackNews): void {
    try {
      this.o.onPackNews?.(news);
    } catch (err) {
      this.note(`the hub's pack news could not be taken (${(err as Error).message})`);
    }
  }

  private async heartbeatBody(sentAt: number): Promise<unknown> {
    try {
      return { ...(await this.o.heartbeat()), sentAt: new Date(sentAt).toISOString() };
    } catch (err) {
      // Sent anyway: the hub refuses it, and the error says why.
      this.note(`the heartbeat could not be put together (${(err as Error).message})`);
      return null;
    }
  }

  private async commandLoop(signal: AbortSignal): Promise<void> {
    const waitMs = this.o.settings.commandWaitSec * 1000;
    for (let failures = 0; !signal.aborted; ) {
      if (this.pollWake.signal.aborted) this.pollWake = new AbortController();
      const wake = this.pollWake.signal;
      const started = this.clock.now();
      const answer = await this.call(commandsRoute, { query: { waitSec: this.o.settings.commandWaitSec } }, signal, undefined, waitMs + POLL_GRACE_MS);
      if (signal.aborted) return;
      if (answer.kind === 'ok') {
        failures = 0;
        this.setError('commands', null);
        // The hub's time came with its commands: expiry is judged by it even before the
        // first heartbeat answer (a kiosk's clock can be hours off after a power cut).
        if (answer.body.serverTime !== undefined) this.hubOffsetMs = answer.body.serverTime - this.clock.now();
        for (const command of answer.body.commands) {
          if (signal.aborted) return;
          await this.handle(command, signal);
        }
        // An empty answer before the wait was up (a hub or proxy that does not hold the
        // request): the next poll no sooner than the wait, unless a heartbeat says commands wait.
        const rest = started + waitMs - this.clock.now();
        if (answer.body.commands.length === 0 && rest > 0) await this.clock.sleep(rest, AbortSignal.any([signal, wake]));
        continue;
      }
      if (await this.revokedBy(answer)) return;
      failures += 1;
      const wait = retryDelay(failures, answer, this.random);
      this.setError('commands', describeFailure('request for commands', answer, this.url!, wait.ms));
      // A heartbeat that got through ends a plain backoff early, never a wait the hub asked for.
      await this.clock.sleep(wait.ms, wait.hubAsked ? signal : AbortSignal.any([signal, wake]));
    }
  }

  /** Runs a command once: written down first, then run, then its result reported in the background. */
  private async handle(command: KioskCommand, signal: AbortSignal): Promise<void> {
    const plan = planCommand(this.ledger, command, this.clock.now() + this.hubOffsetMs);
    if (plan.do === 'skip') return this.log(`command ${command.id} (${command.kind}) not run: ${plan.why}`);
    if (plan.do === 'resend') {
      this.log(`command ${command.id} (${command.kind}) delivered again: not run again, its result is sent again`);
      this.track(this.report(command, { result: this.fullResults.get(command.id) ?? plan.result }, signal));
      return;
    }
    const entry: LedgerEntry = { id: command.id, kind: command.kind, ranAt: this.clock.now(), expiresAt: command.expiresAt, result: null };
    try {
      await this.saveLedger(withEntry(this.ledger, entry));
    } catch (err) {
      const result = { ok: false, message: `Not run: the kiosk could not write down that it ran it (${(err as Error).message}), so it cannot promise to run it only once.` };
      this.track(this.report(command, { result }, signal));
      return;
    }
    let outcome: CommandOutcome;
    try {
      outcome = await this.o.executors[command.kind](command);
    } catch (err) {
      outcome = { result: { ok: false, message: `${command.kind} failed: ${(err as Error).message}` } };
    }
    const result = tidyResult(outcome.result);
    this.fullResults.set(command.id, result);
    if (this.fullResults.size > RESULTS_KEPT) this.fullResults.delete(this.fullResults.keys().next().value!);
    await this.saveLedger(withEntry(this.ledger, { ...entry, result: ledgerResult(result) })).catch((err: Error) => this.note(`the command ledger could not be written (${err.message})`));
    this.lastCommand = { id: command.id, kind: command.kind, ok: result.ok, message: result.message, at: this.clock.now() };
    this.log(`command ${command.id} (${command.kind}) ${result.ok ? 'done' : 'failed'}: ${result.message}`);
    this.emit();
    this.track(this.report(command, { ...outcome, result }, signal));
  }

  /** Posts a result until the hub acknowledges it or the command expires; then the outcome's follow-up. */
  private async report(command: KioskCommand, outcome: CommandOutcome, signal: AbortSignal): Promise<void> {
    let result = outcome.result;
    try {
      for (let failures = 0; !signal.aborted; ) {
        const answer = await this.call(commandResultRoute, { params: { id: command.id }, body: result }, signal);
        if (answer.kind === 'ok') return this.setError('results', null);
        if (signal.aborted || (await this.revokedBy(answer))) return;
        const tooBig = (answer.kind === 'refused' && answer.status === 413) || answer.kind === 'not-sent';
        if (tooBig && result.screenshot) {
          result = { ok: false, message: `The screenshot could not be sent (${answer.kind === 'refused' ? `${answer.status} ${answer.message ?? ''}`.trim() : answer.message}).` };
          continue;
        }
        if (answer.kind === 'not-sent' || (answer.kind === 'refused' && (answer.status === 400 || answer.status === 404 || answer.status === 413))) {
          return this.log(`the hub did not take the result of command ${command.id}: ${describeFailure('result', answer, this.url!, null)}`);
        }
        failures += 1;
        const wait = retryDelay(failures, answer, this.random);
        if (this.clock.now() + this.hubOffsetMs + wait.ms > command.expiresAt) {
          return this.log(`the result of command ${command.id} (${command.kind}) could not be delivered before the command expired`);
        }
        this.setError('results', describeFailure(`result of a ${command.kind} command`, answer, this.url!, wait.ms));
        await this.clock.sleep(wait.ms, signal);
      }
    } finally {
      if (!this.stopped.signal.aborted) outcome.afterReported?.();
    }
  }

  private saveLedger(next: LedgerEntry[]): Promise<void> {
    this.ledger = next;
    const write = this.ledgerWrites.then(() => this.o.ledger.write(next));
    this.ledgerWrites = write.catch(() => undefined);
    return write;
  }

  // ── plumbing ───────────────────────────────────────────────────────────────────────

  private call<R extends HubRoute>(route: R, input: HubCallInput, signal: AbortSignal, token: string | null | undefined = this.credential?.token ?? null, timeoutMs = REQUEST_TIMEOUT_MS) {
    return callHub(route, input, { baseUrl: this.url!, token: token ?? null, timeoutMs, signal, fetch: this.fetchImpl, clock: this.clock });
  }

  private setError(slot: ErrorSlot, message: string | null): void {
    if (this.errors[slot] === message) return;
    // Logged when a problem starts or changes kind, not at every retry.
    if (message && this.errors[slot]?.split(':')[0] !== message.split(':')[0]) this.log(message);
    this.errors[slot] = message;
    this.emit();
  }

  private track(task: Promise<unknown>): void {
    const tracked = task.catch((err: unknown) => this.log(`hub agent: ${(err as Error).message ?? String(err)}`)).finally(() => this.tasks.delete(tracked));
    this.tasks.add(tracked);
  }

  private emit(): void {
    try {
      this.o.onStatus?.(this.status());
    } catch (err) {
      this.log(`hub status listener failed: ${(err as Error).message}`);
    }
  }

  private log(line: string): void {
    this.o.log?.(`hub: ${line}`);
  }

  /** Logs a problem and answers null, for reads that fall back to nothing. */
  private note(line: string): null {
    this.log(line);
    return null;
  }
}

/** A result the contract accepts: the message cut to size, a screenshot the hub would refuse left out. */
function tidyResult(result: CommandResult): CommandResult {
  const tidy = { ...result, message: cut(result.message, 2000) };
  if (CommandResult.safeParse(tidy).success) return tidy;
  const { screenshot: _dropped, ...rest } = tidy;
  return CommandResult.safeParse(rest).success ? { ...rest, ok: false, message: cut(`${rest.message} (the screenshot was too large to send)`, 2000) } : { ok: false, message: 'The command gave a result the hub cannot take.' };
}
