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
};

describe('heartbeat body', () => {
  it('is a heartbeat the hub takes, cut to the sizes it allows', () => {
    const facts = heartbeatFacts({ ...host, appVersion: '1.0.0-' + 'x'.repeat(60), packProblem: 'p'.repeat(5_000), pack: { packId: 'q'.repeat(300), version: '1' } }, newRendererReports());
    expect(facts.appVersion).toHaveLength(40);
    expect(facts.packProblem).toHaveLength(2000);
    expect(facts.uptimeSec).toBe(13);
    expect(Heartbeat.safeParse({ ...facts, sentAt: new Date().toISOString() }).success).toBe(true);
  });
});
