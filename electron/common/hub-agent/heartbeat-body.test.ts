import { describe, expect, it } from 'vitest';
import { Heartbeat } from '../../../content/schema/hub-api/heartbeat.ts';
import { heartbeatFacts, newRendererReports, type HostFacts } from './heartbeat-body.ts';

const host: HostFacts = {
  appVersion: '0.1.0',
  mode: 'web',
  platform: 'Linux x86_64',
  bootId: 'b',
  uptimeSec: 12.6,
  pack: null,
  packProblem: null,
  rendererRestarts: 0,
  rendererCrashes: 0,
  packRollbacks: 0,
  update: null,
};

describe('heartbeat body', () => {
  it('is a heartbeat the hub takes, cut to the sizes it allows', () => {
    const facts = heartbeatFacts({ ...host, appVersion: '1.0.0-' + 'x'.repeat(60), packProblem: 'p'.repeat(5_000), pack: { packId: 'q'.repeat(300), version: '1' } }, newRendererReports());
    expect(facts.appVersion).toHaveLength(40);
    expect(facts.packProblem).toHaveLength(2000);
    expect(facts.uptimeSec).toBe(13);
    expect(Heartbeat.safeParse({ ...facts, sentAt: new Date().toISOString() }).success).toBe(true);
  });

  it('carries the self-update state, its texts cut to what the hub takes', () => {
    const update = { state: 'failed' as const, currentVersion: '1.2.0', availableVersion: '1.3.0-' + 'r'.repeat(60), percent: null, message: 'm'.repeat(900), lastCheckAt: 1_790_000_000_000 };
    const facts = heartbeatFacts({ ...host, mode: 'electron', update }, newRendererReports());
    expect(facts.update).toMatchObject({ state: 'failed', currentVersion: '1.2.0', lastCheckAt: 1_790_000_000_000 });
    expect(facts.update!.availableVersion).toHaveLength(40);
    expect(facts.update!.message).toHaveLength(500);
    expect(Heartbeat.safeParse({ ...facts, sentAt: new Date().toISOString() }).success).toBe(true);
    // A browser-mode kiosk sends none, and an older kiosk that never sends the field is taken too.
    expect(heartbeatFacts(host, newRendererReports()).update).toBeNull();
    const { update: _none, ...older } = facts;
    expect(Heartbeat.parse({ ...older, sentAt: new Date().toISOString() }).update).toBeNull();
  });
});
