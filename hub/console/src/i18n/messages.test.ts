import { describe, expect, it } from 'vitest';
import { COMMAND_KINDS } from '../../../../content/schema/hub-api/commands.ts';
import { ALERT_KINDS } from '../../../../content/schema/hub-api/console/alerts.ts';
import { ROLES } from '../../../../content/schema/hub-api/console/auth.ts';
import { CommandState } from '../../../../content/schema/hub-api/console/fleet.ts';
import { WEEKDAYS } from '../../../../content/schema/hub-api/console/stores.ts';
import { CameraState, ScannerState } from '../../../../content/schema/hub-api/heartbeat.ts';
import { RedemptionRefusal } from '../../../../content/schema/hub-api/redemptions.ts';
import { PERIOD_PRESETS } from '../period/period.ts';
import { FLEET_COLUMNS } from '../fleet/fleet-columns.ts';
import { PAGES } from '../shell/pages.ts';
import { createConsoleI18n } from './index.ts';
import { camel } from './keys.ts';

function leaves(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v as object, `${prefix}${k}.`)));
}

const CJK = /[\u3400-\u9fff]/;

describe('the console’s messages', () => {
  const zh = createConsoleI18n('zh-CN').global;
  const en = createConsoleI18n('en').global;
  const keys = leaves(zh.getLocaleMessage('zh-CN'));

  it('say every message in both languages, and English in English', () => {
    expect(keys.length).toBeGreaterThan(300);
    for (const key of keys) {
      const zhText = zh.t(key, { n: 2 }, 2);
      const enText = en.t(key, { n: 2 }, 2);
      expect(zhText, key).not.toBe(key);
      expect(enText, key).not.toBe(key);
      if (key !== 'shell.otherLanguage') expect(CJK.test(enText), `${key}: ${enText}`).toBe(false);
    }
  });

  it('have a word for every value the contract can send', () => {
    const needed = [
      ...ROLES.map((r) => `common.roles.${camel(r)}`),
      ...PAGES.map((p) => `shell.pages.${p}`),
      ...CameraState.options.map((s) => `fleet.camera.${s}`),
      ...ScannerState.options.map((s) => `fleet.scanner.${camel(s)}`),
      ...FLEET_COLUMNS.map((c) => `fleet.col.${c.id}`),
      ...ALERT_KINDS.map((k) => `alerts.kind.${camel(k)}`),
      ...COMMAND_KINDS.flatMap((k) => ['kind', 'button', 'hint'].map((g) => `kiosk.commands.${g}.${camel(k)}`)),
      ...CommandState.options.map((s) => `kiosk.commands.state.${s}`),
      ...WEEKDAYS.flatMap((d) => [`stores.day.${d}`, `stores.dayShort.${d}`]),
      ...RedemptionRefusal.options.filter((r) => r !== 'already-redeemed').flatMap((r) => [`till.reasonShort.${camel(r)}`, `till.reasonNoDate.${camel(r)}`]),
      ...PERIOD_PRESETS.map((p) => `period.preset.${p}`),
    ];
    for (const key of needed) expect(keys, key).toContain(key);
  });
});
