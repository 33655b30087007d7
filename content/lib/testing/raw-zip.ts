// A minimal zip writer for hostile archives that yazl refuses to make: any name bytes,
// any external attributes (symlinks), duplicate names, and central-directory sizes that
// lie. Entries are written with their sizes in the local header (no data descriptor).
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { Readable } from 'node:stream';

export interface RawEntry {
  name: string | Buffer;
  /** Stored (method 0) or deflated (method 8) bytes as they go into the zip. */
  data: Buffer;
  method: 0 | 8;
  crc: number;
  size: number;
  /** Unix mode in the upper 16 bits; default a regular file 0644. */
  externalAttributes?: number;
  /** Claim this uncompressed size in the central directory instead of the real one. */
  claimedSize?: number;
}

export const storedEntry = (name: string | Buffer, content: Buffer | string, extra: Partial<RawEntry> = {}): RawEntry => {
  const data = Buffer.from(content);
  return { name, data, method: 0, crc: crc32(data), size: data.length, ...extra };
};

export const deflatedEntry = (name: string | Buffer, content: Buffer | string, extra: Partial<RawEntry> = {}): RawEntry => {
  const raw = Buffer.from(content);
  return { name, data: deflateRawSync(raw), method: 8, crc: crc32(raw), size: raw.length, ...extra };
};

/** Deflates `size` zero bytes chunk by chunk: the zeros are never in memory at once. */
export async function deflatedZeros(name: string, size: number): Promise<RawEntry> {
  const chunk = Buffer.alloc(1 << 20);
  let crc = 0;
  let left = size;
  const zeros = Readable.from(
    (function* () {
      while (left > 0) {
        const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= part.length;
        crc = crc32(part, crc);
        yield part;
      }
    })(),
  );
  const out: Buffer[] = [];
  for await (const piece of zeros.pipe(createDeflateRaw({ level: 9 }))) out.push(piece as Buffer);
  return { name, data: Buffer.concat(out), method: 8, crc, size };
}

export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.isBuffer(entry.name) ? entry.name : Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.claimedSize ?? entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, entry.data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.claimedSize ?? entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((entry.externalAttributes ?? 0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
