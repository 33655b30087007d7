import { describe, expect, it } from 'vitest';
import { GameConfig } from './game-config.ts';

const zh = (t: string) => ({ 'zh-CN': t });
const wheel = (campaigns: (string | undefined)[]) => ({
  id: 'lucky-wheel',
  kind: 'wheel',
  title: zh('幸运转盘'),
  howTo: zh('点一下转动转盘'),
  theme: { colours: { primary: '#e60012', accent: '#ffb300', background: '#fff8e1' } },
  segments: campaigns.map((campaign) => ({ label: zh(campaign ?? '谢谢参与'), colour: '#e60012', ...(campaign ? { campaign } : {}) })),
});

describe('wheel game config', () => {
  it('needs a "try again" segment to land on when nothing is won, and says so', () => {
    const result = GameConfig.safeParse(wheel(['ten-off', 'ten-off', 'gift', 'gift']));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['segments'], message: expect.stringMatching(/try again/) });
    expect(GameConfig.safeParse(wheel(['ten-off', undefined, 'gift', 'gift'])).success).toBe(true);
  });
});
