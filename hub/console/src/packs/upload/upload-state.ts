// Where one upload is: choosing, sending (with how much has gone and how fast), checked
// at the hub, or refused. Pure, so the progress line is tested without a browser.
import { MAX_PACK_UPLOAD_BYTES } from '../../../../../content/schema/hub-api/console/packs.ts';

export type FileProblem = 'not-kpack' | 'too-large' | 'empty';

/** Why a chosen file is not even sent: the hub would refuse it anyway. */
export function fileProblem(file: { name: string; size: number }): FileProblem | null {
  if (!/\.kpack$/i.test(file.name)) return 'not-kpack';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_PACK_UPLOAD_BYTES) return 'too-large';
  return null;
}

export interface Sending {
  sent: number;
  total: number;
  startedAt: number;
}

/** Whole percent sent, 0–100. */
export function percentSent(s: Pick<Sending, 'sent' | 'total'>): number {
  if (s.total <= 0) return 0;
  return Math.min(100, Math.floor((s.sent / s.total) * 100));
}

/** Seconds left at the speed so far; null until there is a speed to go by. */
export function secondsLeft(s: Sending, now: number): number | null {
  const elapsed = (now - s.startedAt) / 1000;
  if (elapsed < 1 || s.sent <= 0 || s.sent >= s.total) return null;
  return Math.ceil((s.total - s.sent) / (s.sent / elapsed));
}
