// Attaches a TFLite metadata buffer to a .tflite model without re-encoding the model.
//
// A TFLite model is a flatbuffer (file identifier "TFL3", TensorFlow Lite's schema.fbs):
//   table Model    { version:uint; operator_codes; subgraphs; description:string;
//                    buffers:[Buffer]; metadata_buffer:[int]; metadata:[Metadata];
//                    signature_defs }
//   table Buffer   { data:[ubyte] (force_align: 16); offset:ulong; size:ulong }
//   table Metadata { name:string; buffer:uint }
// Metadata readers look for the Metadata entry named "TFLITE_METADATA" and read the
// Buffer it points to.
//
// Flatbuffer references only point forward (unsigned offsets), so the original model is
// kept byte for byte at the END of the new file, 64-byte aligned (which keeps every
// alignment inside it), and a new root Model table is written in front of it: it reuses
// the original operator codes, subgraphs and buffers by reference and adds one Buffer
// holding the metadata plus a "TFLITE_METADATA" entry. The original root table stays
// in the file, unreferenced.
import { Builder, ByteBuffer } from 'flatbuffers';

export const MODEL_FILE_IDENTIFIER = 'TFL3';
export const METADATA_NAME = 'TFLITE_METADATA';
const MODEL_ALIGNMENT = 64;

const M = { version: 0, operatorCodes: 1, subgraphs: 2, description: 3, buffers: 4, metadataBuffer: 5, metadata: 6, signatureDefs: 7 } as const;

interface ModelView {
  bb: ByteBuffer;
  root: number;
  field(table: number, slot: number): number;
  /** Absolute position of the object a reference field points to, or 0. */
  target(table: number, slot: number): number;
  vector(table: number, slot: number): { start: number; length: number } | null;
}

function openModel(model: Uint8Array): ModelView {
  const bb = new ByteBuffer(model);
  if (model.length < 8 || !bb.__has_identifier(MODEL_FILE_IDENTIFIER)) throw new Error('not a TFLite model (file identifier TFL3 missing)');
  const field = (table: number, slot: number) => bb.__offset(table, 4 + 2 * slot);
  const target = (table: number, slot: number) => {
    const o = field(table, slot);
    return o ? bb.__indirect(table + o) : 0;
  };
  const vector = (table: number, slot: number) => {
    const o = field(table, slot);
    return o ? { start: bb.__vector(table + o), length: bb.__vector_len(table + o) } : null;
  };
  return { bb, root: bb.readInt32(0), field, target, vector };
}

/** The metadata entries of a model: name → the bytes of the buffer it names. */
export function readModelMetadata(model: Uint8Array): Map<string, Uint8Array> {
  const m = openModel(model);
  const out = new Map<string, Uint8Array>();
  const buffers = m.vector(m.root, M.buffers);
  const entries = m.vector(m.root, M.metadata);
  if (!buffers || !entries) return out;
  for (let i = 0; i < entries.length; i++) {
    const entry = m.bb.__indirect(entries.start + 4 * i);
    const name = m.field(entry, 0) ? (m.bb.__string(entry + m.field(entry, 0)) as string) : '';
    const index = m.field(entry, 1) ? m.bb.readUint32(entry + m.field(entry, 1)) : 0;
    if (index >= buffers.length) throw new Error(`metadata "${name}" points at buffer ${index}, but the model has ${buffers.length}`);
    const data = m.vector(m.bb.__indirect(buffers.start + 4 * index), 0);
    out.set(name, data ? model.subarray(data.start, data.start + data.length) : new Uint8Array());
  }
  return out;
}

/** Offsets (from the end of the builder's buffer) of the objects a vector references. */
function referencedOffsets(m: ModelView, vector: { start: number; length: number }, toBuilderOffset: (pos: number) => number): number[] {
  return Array.from({ length: vector.length }, (_, i) => toBuilderOffset(m.bb.__indirect(vector.start + 4 * i)));
}

/** Returns a copy of `model` whose metadata named TFLITE_METADATA is `metadata`. */
export function withModelMetadata(model: Uint8Array, metadata: Uint8Array): Uint8Array {
  const m = openModel(model);
  const buffers = m.vector(m.root, M.buffers);
  if (!buffers) throw new Error('the model has no buffers table');
  for (let i = 0; i < buffers.length; i++) {
    const buffer = m.bb.__indirect(buffers.start + 4 * i);
    // Buffer.offset/size place data outside the flatbuffer, relative to the file start:
    // moving the model would break them.
    const offset = m.field(buffer, 1);
    if (offset && m.bb.readUint64(buffer + offset) > 1n) throw new Error('the model keeps buffer data outside the flatbuffer; metadata cannot be added in place');
  }
  const oldEntries = m.vector(m.root, M.metadata);
  const keptEntries: number[] = [];
  for (let i = 0; i < (oldEntries?.length ?? 0); i++) {
    const entry = m.bb.__indirect(oldEntries!.start + 4 * i);
    const name = m.field(entry, 0) ? m.bb.__string(entry + m.field(entry, 0)) : '';
    if (name !== METADATA_NAME) keptEntries.push(entry);
  }

  const b = new Builder(model.length + metadata.length + 4096);
  b.prep(MODEL_ALIGNMENT, model.length);
  b.createByteVector(model);
  const modelStart = b.offset() - 4; // distance from the end to the first byte of the copy
  const toBuilderOffset = (pos: number) => modelStart - pos;

  b.startVector(1, metadata.length, 16);
  for (let i = metadata.length - 1; i >= 0; i--) b.addInt8(metadata[i]!);
  const metadataBytes = b.endVector();
  b.startObject(3); // Buffer
  b.addFieldOffset(0, metadataBytes, 0);
  const metadataBuffer = b.endObject();

  const bufferOffsets = [...referencedOffsets(m, buffers, toBuilderOffset), metadataBuffer];
  b.startVector(4, bufferOffsets.length, 4);
  for (let i = bufferOffsets.length - 1; i >= 0; i--) b.addOffset(bufferOffsets[i]!);
  const bufferVector = b.endVector();

  const name = b.createString(METADATA_NAME);
  b.startObject(2); // Metadata
  b.addFieldOffset(0, name, 0);
  b.addFieldInt32(1, buffers.length, 0);
  const entryOffsets = [...keptEntries.map(toBuilderOffset), b.endObject()];
  b.startVector(4, entryOffsets.length, 4);
  for (let i = entryOffsets.length - 1; i >= 0; i--) b.addOffset(entryOffsets[i]!);
  const metadataVector = b.endVector();

  b.startObject(8); // Model
  const versionField = m.field(m.root, M.version);
  b.addFieldInt32(M.version, versionField ? m.bb.readUint32(m.root + versionField) : 0, 0);
  for (const slot of [M.operatorCodes, M.subgraphs, M.description, M.metadataBuffer, M.signatureDefs]) {
    const target = m.target(m.root, slot);
    if (target) b.addFieldOffset(slot, toBuilderOffset(target), 0);
  }
  b.addFieldOffset(M.buffers, bufferVector, 0);
  b.addFieldOffset(M.metadata, metadataVector, 0);
  b.finish(b.endObject(), MODEL_FILE_IDENTIFIER);
  return b.asUint8Array().slice();
}
