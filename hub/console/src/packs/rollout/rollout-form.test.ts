import { describe, expect, it } from 'vitest';
import { emptyPublishForm, parseGroups, publishProblems, rolloutBody } from './rollout-form.ts';

const NOW = Date.parse('2026-12-07T10:00:00+08:00');

describe('the publish form', () => {
  it('needs somewhere to publish, unless it is every kiosk', () => {
    const form = emptyPublishForm();
    expect(publishProblems(form, NOW)).toEqual({ scope: 'noScope' });
    expect(publishProblems({ ...form, stores: ['sh-001'] }, NOW)).toEqual({});
    expect(publishProblems({ ...form, scope: 'everywhere' }, NOW)).toEqual({});
  });

  it('needs a start time that has not passed, a pilot group, a share between 1 and 99', () => {
    const form = { ...emptyPublishForm(), stores: ['sh-001'] };
    expect(publishProblems({ ...form, when: 'at', startsAt: '' }, NOW)).toEqual({ startsAt: 'noStart' });
    expect(publishProblems({ ...form, when: 'at', startsAt: '2026-12-01T09:00' }, NOW)).toEqual({ startsAt: 'startPast' });
    expect(publishProblems({ ...form, staging: 'pilot', pilotGroup: ' ' }, NOW)).toEqual({ staging: 'noPilotGroup' });
    expect(publishProblems({ ...form, staging: 'percent', percent: 100 }, NOW)).toEqual({ staging: 'badPercent' });
    expect(publishProblems({ ...form, staging: 'percent', percent: 25 }, NOW)).toEqual({});
  });

  it('becomes the body the hub takes', () => {
    const form = { ...emptyPublishForm(), stores: ['sh-001'], groups: ['pilot'], staging: 'pilot' as const, pilotGroup: 'pilot' };
    expect(rolloutBody('pk_12345678', form)).toEqual({ pack: 'pk_12345678', stores: ['sh-001'], groups: ['pilot'], staging: { kind: 'pilot', group: 'pilot' } });
    const later = rolloutBody('pk_12345678', { ...form, scope: 'everywhere', when: 'at', startsAt: '2026-12-24T08:00', staging: 'percent', percent: 20 });
    expect(later).toEqual({ pack: 'pk_12345678', stores: [], groups: [], startsAt: new Date(2026, 11, 24, 8, 0).getTime(), staging: { kind: 'percent', percent: 20 } });
  });

  it('reads groups typed with commas or spaces, Chinese commas too', () => {
    expect(parseGroups('pilot, window-2，pilot  east')).toEqual(['pilot', 'window-2', 'east']);
    expect(parseGroups('  ')).toEqual([]);
  });
});
