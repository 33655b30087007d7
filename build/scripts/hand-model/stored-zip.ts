// A zip of uncompressed ("stored") members, the way MediaPipe's .task bundles are
// made: each member's data starts on a 64-byte boundary (padding goes into the local
// header's extra field) so the models can be used in place, and every timestamp is
// 1980-01-01 00:00 so the same inputs always give the same bytes.
import { crc32 } from 'node:zlib';

export interface ZipMember {
  name: string;
  data: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const VERSION = 10; // 1.0: stored members, no zip64
const DOS_DATE_1980_01_01 = 0x21;
const MAX_ZIP32 = 0xffffffff;

export function storedZip(members: readonly ZipMember[], alignment = 64): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const member of members) {
    const name = new TextEncoder().encode(member.name);
    const crc = crc32(member.data);
    const fixed = 30 + name.length;
    const padding = (alignment - ((offset + fixed) % alignment)) % alignment;
    const local = new DataView(new ArrayBuffer(fixed + padding));
    local.setUint32(0, LOCAL_HEADER, true);
    local.setUint16(4, VERSION, true);
    local.setUint16(6, 0, true); // flags
    local.setUint16(8, 0, true); // method: stored
    local.setUint16(10, 0, true); // time 00:00
    local.setUint16(12, DOS_DATE_1980_01_01, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, member.data.length, true);
    local.setUint32(22, member.data.length, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, padding, true);
    new Uint8Array(local.buffer).set(name, 30);
    parts.push(new Uint8Array(local.buffer), member.data);

    const entry = new DataView(new ArrayBuffer(46 + name.length));
    entry.setUint32(0, CENTRAL_HEADER, true);
    entry.setUint16(4, VERSION, true); // made by
    entry.setUint16(6, VERSION, true); // needed
    entry.setUint16(12, 0, true);
    entry.setUint16(14, DOS_DATE_1980_01_01, true);
    entry.setUint32(16, crc, true);
    entry.setUint32(20, member.data.length, true);
    entry.setUint32(24, member.data.length, true);
    entry.setUint16(28, name.length, true);
    entry.setUint32(42, offset, true);
    new Uint8Array(entry.buffer).set(name, 46);
    central.push(new Uint8Array(entry.buffer));

    offset += fixed + padding + member.data.length;
    if (offset > MAX_ZIP32) throw new Error('zip too large for the 32-bit zip format');
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
  end.setUint16(8, members.length, true);
  end.setUint16(10, members.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);

  const out = new Uint8Array(offset + centralSize + 22);
  let at = 0;
  for (const part of [...parts, ...central, new Uint8Array(end.buffer)]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
