// What the main thread and an upload worker say to each other.
import type { PackedUpload } from './packed-upload.ts';

export interface UploadJob {
  id: number;
  encoding: string | undefined;
  /** The body as sent (its own buffer, transferred). */
  body: Uint8Array;
  /** The kiosk whose credential sent it. */
  deviceId: string;
}

export type UploadJobDone = { id: number; result: PackedUpload } | { id: number; error: string };
