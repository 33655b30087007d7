// The SHA-512 of a downloaded update, checked against the value the update feed
// (latest-linux.yml) publishes for it, before anything is installed. electron-updater
// checks it while downloading; this checks the file that is about to be installed, so a
// file changed on disk after its download is refused too.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export async function sha512Base64(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

/** Whether a file matches a published sha512 (base64, as electron-builder writes it, or hex). */
export async function matchesSha512(file: string, published: string): Promise<boolean> {
  const actual = await sha512Base64(file);
  if (/^[0-9a-f]{128}$/i.test(published)) return Buffer.from(actual, 'base64').toString('hex') === published.toLowerCase();
  return actual === published;
}
