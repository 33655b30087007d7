import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import { pathKey, refusedForm } from './form-problems.ts';

describe('a refused form’s problems', () => {
  it('are found by path, with or without the form’s name first', () => {
    expect(pathKey([0, 'awards', 1, 'odds'])).toBe('0.awards.1.odds');
    expect(pathKey(['campaigns', 0, 'awards', 1, 'odds'], 'campaigns')).toBe('0.awards.1.odds');
    expect(pathKey(['version'], 'pack')).toBe('version');
  });

  it('are read from a 400 that carries them, and from nothing else', () => {
    const answer = {
      error: '[1].awards[1].odds: must be at most 1',
      code: 'invalid-form',
      problems: [{ field: '[1].awards[1].odds', path: [0, 'awards', 0, 'odds'], message: { zh: '不能大于 1', en: 'must be at most 1' }, fix: { zh: '填 0 到 1 之间的数', en: 'use a number from 0 to 1' } }],
    };
    expect(refusedForm(new ApiError(400, answer, { code: 'http', message: '' }, null, answer))?.problems).toHaveLength(1);
    expect(refusedForm(new ApiError(400, { error: 'x', code: 'bad' }, { code: 'http', message: '' }, null, { error: 'x', code: 'bad' }))).toBeNull();
    expect(refusedForm(new ApiError(500, null, { code: 'http', message: '' }))).toBeNull();
    expect(refusedForm(new Error('no'))).toBeNull();
  });
});
