import { describe, expect, it } from 'vitest';
import { choiceFromQuery, choiceToQuery, filterOf, withoutPack } from './analytics-filter.ts';

describe('the analytics filters in the address', () => {
  it('read a shared link and write the same link back', () => {
    const query = { store: 'sh-01', kiosk: 'sh-door-0001', pack: 'spring@2025.05.1', period: 'custom', from: '2025-05-01', to: '2025-05-07', packA: 'spring@2025.04.1', packB: 'spring@2025.05.1' };
    const choice = choiceFromQuery(query);
    expect(choice).toEqual({
      storeId: 'sh-01',
      deviceId: 'sh-door-0001',
      pack: 'spring@2025.05.1',
      period: { kind: 'custom', from: '2025-05-01', to: '2025-05-07' },
      compare: ['spring@2025.04.1', 'spring@2025.05.1'],
    });
    expect(choiceToQuery(choice)).toEqual(query);
  });

  it('drop what the hub would refuse rather than send it', () => {
    expect(choiceFromQuery({ store: 'no spaces please', kiosk: 'x', pack: 'p'.repeat(201) })).toMatchObject({ storeId: null, deviceId: null, pack: null, period: { kind: 'last7' } });
    expect(choiceToQuery(choiceFromQuery({}))).toEqual({ period: 'last7' });
  });

  it('become the filter every report sends, without the parts left open', () => {
    const choice = choiceFromQuery({ store: 'sh-01', pack: 'spring@2025.05.1' });
    const filter = filterOf(choice, { from: 1000, to: 2000 });
    expect(filter).toEqual({ storeId: 'sh-01', pack: 'spring@2025.05.1', from: 1000, to: 2000 });
    expect(withoutPack(filter)).toEqual({ storeId: 'sh-01', from: 1000, to: 2000 });
  });
});
