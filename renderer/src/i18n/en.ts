import type { MessageSchema } from './zh-CN.ts';

export const en: MessageSchema = {
  common: {
    back: 'Back',
    home: 'Home',
    language: '中文',
    languageName: 'English',
    close: 'Close',
    loading: 'Loading…',
  },
  attract: {
    touchToStart: 'Touch the screen to start',
    orScan: 'or scan a product barcode',
    noPack: 'Nothing to show yet — please ask a member of staff',
  },
  home: {
    welcome: 'Welcome',
    scanTitle: 'Scan a product',
    scanHint: 'Price, origin and offers in one scan',
    playTitle: 'Play & win',
    playHint: 'A 30-second game to win a coupon',
    offersTitle: "Today's offers",
    offersHint: 'See what is on offer in store',
  },
  idle: {
    stillThere: 'Still there?',
    returning: 'Returning to the start in {n} s',
    touchToContinue: 'Touch the screen to continue',
  },
  scan: {
    title: 'Scan a product',
    instructions: 'Hold the barcode up to the scanner below',
  },
  games: {
    title: 'Play & win',
    none: 'No games are running right now',
    play: 'Play',
    seconds: '{n} s',
  },
  offers: {
    title: "Today's offers",
    none: 'No offers right now',
    until: 'Until {date}',
  },
  admin: {
    title: 'Admin',
    enterPin: 'Enter the admin PIN',
    wrongPin: 'Wrong PIN, {n} attempts left',
    locked: 'Too many attempts; try again after {time}',
    noPinSet: 'No admin PIN has been set',
    unlock: 'Unlock',
    clear: 'Clear',
    exitKiosk: 'Exit kiosk mode',
    lock: 'Lock',
    health: 'Health',
    appVersion: 'App version',
    pack: 'Content pack',
    uptime: 'Uptime',
    restarts: 'Renderer restarts',
    problems: 'Problems to fix',
    none: 'None',
  },
};
