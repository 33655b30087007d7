import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, collectorConnectOrigins, kioskConnectOrigins } from './csp.ts';

/** The policy as the browser reads it: directive name → its sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

// What main builds: pack assets from pack://active and, at most, the collector's origin.
const kioskPolicy = (collectorUrl?: string) =>
  parsePolicy(buildContentSecurityPolicy({ packOrigins: ['pack://active'], connectOrigins: collectorConnectOrigins(collectorUrl) }));

describe('content security policy', () => {
  it('runs only the app\'s own scripts, and WebAssembly, never eval or inline script', () => {
    const script = kioskPolicy('https://collector.example.com').get('script-src');
    expect(script).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(script).not.toContain("'unsafe-eval'");
    expect(script).not.toContain("'unsafe-inline'");
  });

  it('allows no plugins, no framing, no <base> and no form posts', () => {
    const policy = kioskPolicy();
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('sends data only to the app and the pack when no collector is configured', () => {
    expect(kioskPolicy().get('connect-src')).toEqual(["'self'", 'pack://active']);
    expect(kioskPolicy('').get('connect-src')).toEqual(["'self'", 'pack://active']);
  });

  it('adds exactly the configured collector\'s origin — not its path, its credentials or a wildcard', () => {
    const connect = kioskPolicy('https://kiosk:secret@collector.example.com:8443/v1/batch?x=1').get('connect-src');
    expect(connect).toEqual(["'self'", 'pack://active', 'https://collector.example.com:8443']);
    expect(connect!.some((s) => s.includes('*') || s === 'https:' || s === 'http:' || s.includes('secret'))).toBe(false);
  });

  it("allows the hub's origin when a hub is set, and then not the collector's: events go to the hub", () => {
    const policy = (urls: Parameters<typeof kioskConnectOrigins>[0]) =>
      parsePolicy(buildContentSecurityPolicy({ packOrigins: ['pack://active'], connectOrigins: kioskConnectOrigins(urls) })).get('connect-src');
    expect(policy({ hubUrl: 'https://hub.example.com/base/', collectorUrl: 'https://collector.example.com' })).toEqual(["'self'", 'pack://active', 'https://hub.example.com']);
    expect(policy({ hubUrl: undefined, collectorUrl: 'https://collector.example.com' })).toEqual(["'self'", 'pack://active', 'https://collector.example.com']);
    expect(policy({ hubUrl: 'javascript:alert(1)' })).toEqual(["'self'", 'pack://active']);
  });

  it('ignores a collector URL that is not http(s), rather than opening the policy', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'not a url', 'data:text/plain,hi']) {
      expect(kioskPolicy(url).get('connect-src')).toEqual(["'self'", 'pack://active']);
    }
  });
});
