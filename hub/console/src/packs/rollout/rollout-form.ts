// The publish form as plain data: where (every kiosk, or stores and groups), when (now or
// a start time), how (at once, a pilot group first, or a share of the kiosks first), and
// the body the hub's createRollout route takes. Pure, so its rules are tested directly.
import type { z } from 'zod';
import type { createRolloutRoute } from '../../../../../content/schema/hub-api/console/packs.ts';

export type RolloutBody = z.input<NonNullable<(typeof createRolloutRoute)['body']>>;

export interface PublishForm {
  scope: 'everywhere' | 'chosen';
  stores: string[];
  groups: string[];
  when: 'now' | 'at';
  /** `YYYY-MM-DDTHH:MM` from a datetime-local input, in this browser's time zone. */
  startsAt: string;
  staging: 'all' | 'pilot' | 'percent';
  pilotGroup: string;
  percent: number | null;
}

export function emptyPublishForm(): PublishForm {
  return { scope: 'chosen', stores: [], groups: [], when: 'now', startsAt: '', staging: 'all', pilotGroup: 'pilot', percent: 10 };
}

export type PublishProblem = 'noScope' | 'noStart' | 'startPast' | 'noPilotGroup' | 'badPercent';

/** What the form lacks, field by field; empty when it can be sent. */
export function publishProblems(form: PublishForm, now: number): Partial<Record<'scope' | 'startsAt' | 'staging', PublishProblem>> {
  const out: Partial<Record<'scope' | 'startsAt' | 'staging', PublishProblem>> = {};
  if (form.scope === 'chosen' && form.stores.length === 0 && form.groups.length === 0) out.scope = 'noScope';
  if (form.when === 'at') {
    const at = Date.parse(form.startsAt);
    if (!form.startsAt || Number.isNaN(at)) out.startsAt = 'noStart';
    else if (at < now - 60_000) out.startsAt = 'startPast';
  }
  if (form.staging === 'pilot' && !form.pilotGroup.trim()) out.staging = 'noPilotGroup';
  if (form.staging === 'percent' && (form.percent === null || !Number.isInteger(form.percent) || form.percent < 1 || form.percent > 99)) out.staging = 'badPercent';
  return out;
}

export function rolloutBody(pack: string, form: PublishForm): RolloutBody {
  const everywhere = form.scope === 'everywhere';
  return {
    pack,
    stores: everywhere ? [] : form.stores,
    groups: everywhere ? [] : form.groups,
    ...(form.when === 'at' ? { startsAt: Date.parse(form.startsAt) } : {}),
    staging: form.staging === 'pilot' ? { kind: 'pilot', group: form.pilotGroup.trim() } : form.staging === 'percent' ? { kind: 'percent', percent: form.percent ?? 0 } : { kind: 'all' },
  };
}

/** Groups typed as "pilot, window-2" → ["pilot", "window-2"], each once. */
export function parseGroups(text: string): string[] {
  return [...new Set(text.split(/[,，\s]+/).map((g) => g.trim()).filter(Boolean))];
}
