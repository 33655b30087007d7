// The development switches (README: KIOSK_WINDOW, KIOSK_DATA_DIR, KIOSK_CONFIG,
// KIOSK_DEVTOOLS). An installed kiosk ignores them: a stray variable in a systemd unit or
// a shell profile must not move its data, swap its settings or take it out of kiosk
// mode. KIOSK_DEV=1 lets a packaged build honour them for a test on a bench (never
// devtools: a packaged build has none).

export const DEV_FLAG = 'KIOSK_DEV';
const SWITCHES = ['KIOSK_WINDOW', 'KIOSK_DATA_DIR', 'KIOSK_CONFIG', 'KIOSK_DEVTOOLS'] as const;

export interface DevSwitches {
  /** A window of this size ('1080x1920') instead of kiosk mode. */
  windowed: string | undefined;
  /** Another data folder. */
  dataDir: string | undefined;
  /** Another settings file. */
  configFile: string | undefined;
  devTools: boolean;
  /** The switches that were set and are ignored, to say so in the log. */
  ignored: string[];
}

type Env = Record<string, string | undefined>;

export function devSwitches(env: Env, isPackaged: boolean): DevSwitches {
  const set = SWITCHES.filter((name) => env[name]);
  if (isPackaged && env[DEV_FLAG] !== '1') {
    return { windowed: undefined, dataDir: undefined, configFile: undefined, devTools: false, ignored: set };
  }
  return {
    windowed: env.KIOSK_WINDOW || undefined,
    dataDir: env.KIOSK_DATA_DIR || undefined,
    configFile: env.KIOSK_CONFIG || undefined,
    devTools: !isPackaged && env.KIOSK_DEVTOOLS === '1',
    ignored: isPackaged && env.KIOSK_DEVTOOLS ? ['KIOSK_DEVTOOLS'] : [],
  };
}

/** The log line for ignored switches, or null. */
export function ignoredSwitchesMessage(switches: DevSwitches): string | null {
  if (switches.ignored.length === 0) return null;
  return `ignoring ${switches.ignored.join(', ')}: an installed kiosk uses them only with ${DEV_FLAG}=1${switches.ignored.includes('KIOSK_DEVTOOLS') ? ' (and never opens devtools)' : ''}`;
}
