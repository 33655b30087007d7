import { describe, expect, it } from 'vitest';
import { GameConfig } from '../../../content/schema/game-config.ts';
import { colourNumber, gameSettingsFor, prepareGame } from './prepare-game.ts';

const zh = (t: string, en?: string) => (en ? { 'zh-CN': t, en } : { 'zh-CN': t });
const theme = { colours: { primary: '#e60012', accent: '#ffb300', background: '#fff8e1' }, background: 'media/bg.png' };
const url = (p: string) => `http://kiosk/pack/${p}`;
const labels = { spin: 'SPIN', scratchHere: 'Scratch here' };
const wheel = GameConfig.parse({
  id: 'lucky', kind: 'wheel', title: zh('幸运转盘'), howTo: zh('点一下转动'), theme, durationSec: 20,
  segments: [
    { label: zh('满59减10', '¥10 off'), colour: '#e60012', campaign: 'ten-off' },
    { label: zh('谢谢参与', 'Try again'), colour: '#ffb300' },
    { label: zh('满59减10', '¥10 off'), colour: '#e60012', campaign: 'ten-off' },
    { label: zh('赠品'), colour: '#00aa00', campaign: 'gift' },
  ],
});

describe('preparing a pack game', () => {
  it('turns colours into numbers and pack paths into URLs', () => {
    expect(colourNumber('#e60012')).toBe(0xe60012);
    const catchGame = GameConfig.parse({ id: 'c', kind: 'catch', title: zh('接水果'), howTo: zh('移动篮子'), theme, difficulty: 'hard', goodItems: ['media/apple.png'], badItems: ['media/rock.svg'] });
    expect(gameSettingsFor(catchGame, url, 'zh-CN', labels)).toEqual({
      kind: 'catch',
      settings: {
        durationMs: 30_000,
        difficulty: 'hard',
        theme: { primary: 0xe60012, accent: 0xffb300, background: 0xfff8e1, backgroundImage: 'http://kiosk/pack/media/bg.png' },
        goodItems: ['http://kiosk/pack/media/apple.png'],
        badItems: ['http://kiosk/pack/media/rock.svg'],
      },
    });
  });

  it('draws the background made for the screen shape and language when the pack has variants', () => {
    const shaped = GameConfig.parse({ ...wheel, theme: { ...theme, background: { src: 'media/bg.png', portrait: 'media/bg-9x16.png', en: { portrait: 'media/bg-en-9x16.png' } } } });
    const background = (locale: 'zh-CN' | 'en', orientation: 'portrait' | 'landscape') => gameSettingsFor(shaped, url, locale, labels, orientation).settings.theme.backgroundImage;
    expect(background('zh-CN', 'landscape')).toBe('http://kiosk/pack/media/bg.png');
    expect(background('zh-CN', 'portrait')).toBe('http://kiosk/pack/media/bg-9x16.png');
    expect(background('en', 'portrait')).toBe('http://kiosk/pack/media/bg-en-9x16.png');
  });

  it('labels the wheel in the shopper\'s language, falling back to Chinese, with "try again" segments', () => {
    const mapped = gameSettingsFor(wheel, url, 'en', labels);
    expect(mapped.kind === 'wheel' && mapped.settings.segments).toEqual([
      { label: '¥10 off', colour: 0xe60012, prizeId: 'ten-off' },
      { label: 'Try again', colour: 0xffb300, prizeId: null },
      { label: '¥10 off', colour: 0xe60012, prizeId: 'ten-off' },
      { label: '赠品', colour: 0x00aa00, prizeId: 'gift' },
    ]);
    expect(mapped.settings.durationMs).toBe(20_000);
  });

  it('lets the wheel land only on campaigns it shows, and decides the catch game from its score', () => {
    expect(prepareGame(wheel, url, 'en', labels)).toMatchObject({ kind: 'wheel', decidesDuringPlay: true, onlyCampaigns: ['ten-off', 'gift'] });
    const scratch = GameConfig.parse({ id: 's', kind: 'scratch', title: zh('刮刮乐'), howTo: zh('刮开涂层'), theme, symbols: ['a.png', 'b.png', 'c.png'] });
    expect(gameSettingsFor(scratch, url, 'zh-CN', labels)).toMatchObject({ kind: 'scratch', settings: { coverLabel: 'Scratch here', symbols: ['http://kiosk/pack/a.png', 'http://kiosk/pack/b.png', 'http://kiosk/pack/c.png'] } });
    const catchGame = GameConfig.parse({ id: 'c', kind: 'catch', title: zh('接水果'), howTo: zh('移动篮子'), theme, goodItems: ['a.png'] });
    const prepared = prepareGame(catchGame, url, 'zh-CN', labels);
    expect(prepared.decidesDuringPlay).toBe(false);
    expect(prepared.onlyCampaigns).toBeUndefined();
  });
});
