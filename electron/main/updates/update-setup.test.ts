import { describe, expect, it } from 'vitest';
import { hubFeedUrl, updateSetup, type UpdateSetupInput } from './update-setup.ts';

const installed: UpdateSetupInput = { enabled: true, url: undefined, hubUrl: 'https://hub.example.com', isPackaged: true, platform: 'linux', appImage: undefined, packageType: 'deb' };

describe('how an install updates itself', () => {
  it('takes updates from the hub when it has one, or from the feed kiosk.json names', () => {
    expect(updateSetup(installed)).toEqual({ kind: 'deb', feedUrl: 'https://hub.example.com/v1/app-updates/', viaHub: true });
    expect(updateSetup({ ...installed, url: 'https://cdn.example.com/kiosk' })).toEqual({ kind: 'deb', feedUrl: 'https://cdn.example.com/kiosk/', viaHub: false });
    expect(updateSetup({ ...installed, appImage: '/opt/kiosk/shopfront-kiosk.AppImage', packageType: null })).toMatchObject({ kind: 'appimage' });
    expect(hubFeedUrl('https://example.com/hub/')).toBe('https://example.com/hub/v1/app-updates/');
  });

  it('says why it does not update itself', () => {
    expect(updateSetup({ ...installed, enabled: false })).toMatchObject({ kind: null, offReason: 'Self-update is switched off (updates.enabled in kiosk.json).' });
    expect(updateSetup({ ...installed, isPackaged: false })).toMatchObject({ kind: null, offReason: 'A development run does not update itself.' });
    expect(updateSetup({ ...installed, hubUrl: undefined })).toMatchObject({ kind: null, offReason: expect.stringContaining('set updates.url') });
    expect(updateSetup({ ...installed, packageType: 'rpm' })).toMatchObject({ kind: null, offReason: expect.stringContaining('updated by hand') });
  });
});
