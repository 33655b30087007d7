// `shopfront-kiosk --set-admin-pin`: reads the new PIN from standard input, so an
// installer can pipe it in and a technician can type it.
import { createInterface } from 'node:readline';
import { isAcceptablePin } from './admin-pin.ts';

export async function readPinFromStdin(input: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const rl = createInterface({ input, terminal: false });
  try {
    for await (const line of rl) {
      const pin = line.trim();
      if (!isAcceptablePin(pin)) throw new Error('An admin PIN is 4 to 12 digits.');
      return pin;
    }
  } finally {
    rl.close();
  }
  throw new Error('No PIN given on standard input.');
}
