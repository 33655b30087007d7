// Scanners in USB HID-POS mode (HID usage page 0x8C, "Bar Code Scanner") send each
// code as input reports instead of key presses: no keyboard layout, no timing guesses,
// and the AIM symbology identifier comes with it. The common report layout (Zebra,
// Honeywell, Datalogic in HID-POS mode): byte 0 = length of the data in this report,
// bytes 1–3 = symbology identifier, then up to 56 data bytes, and a last byte whose
// bit 0 says more of the same code follows in the next report.

export const HID_POS_USAGE_PAGE = 0x8c;
const HEADER = 4;

export interface HidPosScan {
  text: string;
  symbologyId: string | null;
}

function symbologyOf(bytes: Uint8Array): string | null {
  const [a = 0, b = 0, c = 0] = bytes;
  const printable = (x: number) => x > 0x20 && x < 0x7f;
  if (a === 0x5d && printable(b) && printable(c)) return String.fromCharCode(a, b, c);
  if (printable(a) && printable(b)) return `]${String.fromCharCode(a, b)}`;
  return null;
}

/** Joins the reports of one scan; push() returns the scan when its last report arrives. */
export function createHidPosAssembler(maxBytes = 4096) {
  let parts: Uint8Array[] = [];
  let size = 0;
  let symbologyId: string | null = null;
  const decoder = new TextDecoder('utf-8', { fatal: false });

  return {
    push(report: DataView): HidPosScan | null {
      if (report.byteLength < HEADER + 1) return null;
      const bytes = new Uint8Array(report.buffer, report.byteOffset, report.byteLength);
      const length = Math.min(bytes[0]!, bytes.length - HEADER - 1);
      if (parts.length === 0) symbologyId = symbologyOf(bytes.subarray(1, HEADER));
      parts.push(bytes.slice(HEADER, HEADER + length));
      size += length;
      const more = (bytes[bytes.length - 1]! & 0x01) === 1;
      if (more && size < maxBytes) return null;
      const all = new Uint8Array(size);
      let at = 0;
      for (const part of parts) {
        all.set(part, at);
        at += part.length;
      }
      const scan = { text: decoder.decode(all), symbologyId };
      parts = [];
      size = 0;
      symbologyId = null;
      return scan.text === '' ? null : scan;
    },
  };
}
