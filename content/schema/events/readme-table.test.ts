// The README's event table is what backend teams read first: it must name every event of
// the tracking plan and every property, and nothing the plan does not have.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { TRACKING_PLAN } from './tracking-plan.ts';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('### Event catalogue'));
const rows = new Map(
  [...section.matchAll(/^\| `([A-Z][A-Za-z ]+)` \| (.*?) \| .* \|$/gm)].map((m) => [m[1]!, [...m[2]!.matchAll(/`([a-z_]+)\??`/g)].map((p) => p[1]!)]),
);

describe('README event table', () => {
  it('has a row for every event of the plan and none other', () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(TRACKING_PLAN).sort());
  });

  it.each(Object.entries(TRACKING_PLAN))('lists every property of %s', (name, planned) => {
    const properties = Object.keys((planned.properties as z.ZodObject).shape);
    expect(rows.get(name)).toEqual(expect.arrayContaining(properties));
  });
});
