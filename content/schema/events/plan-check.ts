// Checks one event against the tracking plan: null when it keeps to the plan, otherwise
// one short sentence an analyst can act on (which property, what is wrong). The hub
// stores the event either way and shows these sentences in the console.
import type { z } from 'zod';
import { TRACKING_PLAN } from './tracking-plan.ts';

const PLAN: Readonly<Record<string, { properties: z.ZodType }>> = TRACKING_PLAN;
const MAX_PROBLEM = 300;

export function planProblem(event: string, properties: unknown): string | null {
  const planned = Object.hasOwn(PLAN, event) ? PLAN[event] : undefined;
  if (!planned) return `"${event.slice(0, 100)}" is not an event of the tracking plan`;
  const checked = planned.properties.safeParse(properties ?? {});
  if (checked.success) return null;
  const issue = checked.error.issues[0]!;
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : null;
  const text =
    issue.code === 'unrecognized_keys'
      ? `properties not in the plan: ${issue.keys.join(', ')}`
      : `${where ? `${where}: ` : ''}${issue.message}`;
  return text.length > MAX_PROBLEM ? `${text.slice(0, MAX_PROBLEM - 1)}…` : text;
}
