// The virtual kiosk's Content-Security-Policy: the kiosk's own (electron/common/csp.ts),
// sending nowhere but the hub that serves it, and framed only by the hub's console.
import { buildContentSecurityPolicy } from '../../../electron/common/csp.ts';

export function previewCsp(): string {
  return buildContentSecurityPolicy().replace("frame-ancestors 'none'", "frame-ancestors 'self'");
}
