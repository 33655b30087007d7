// The TFLite model metadata MediaPipe Tasks needs on an image model: a ModelMetadata
// flatbuffer (file identifier "M001") as defined by TensorFlow Lite Support's
// metadata_schema.fbs. Only the tables used here are written, by hand, with the
// flatbuffers Builder; field slots follow the schema:
//
//   table ModelMetadata   { name; description; version; subgraph_metadata:[SubGraphMetadata];
//                           author; license; associated_files; min_parser_version }
//   table SubGraphMetadata { name; description; input_tensor_metadata:[TensorMetadata];
//                           output_tensor_metadata:[TensorMetadata]; … }
//   table TensorMetadata  { name; description; dimension_names; content:Content;
//                           process_units:[ProcessUnit]; stats:Stats; associated_files }
//   table Content         { content_properties:ContentProperties (union: type + value); range }
//   union ContentProperties { FeatureProperties = 1, ImageProperties = 2, … }
//   table ImageProperties { color_space:ColorSpaceType (RGB = 1); default_size }
//   table ProcessUnit     { options:ProcessUnitOptions (union: type + value) }
//   union ProcessUnitOptions { NormalizationOptions = 1, … }
//   table NormalizationOptions { mean:[float]; std:[float] }
//   table Stats           { max:[float]; min:[float] }
//
// A union field takes two vtable slots (its type byte, then the value), so
// Content.range is slot 2 and ProcessUnit.options is slot 1.
import { Builder, ByteBuffer } from 'flatbuffers';

export const METADATA_FILE_IDENTIFIER = 'M001';

const CONTENT_FEATURE = 1;
const CONTENT_IMAGE = 2;
const COLOR_SPACE_RGB = 1;
const OPTIONS_NORMALIZATION = 1;

export interface ImageInputSpec {
  name: string;
  description: string;
  /** Per-channel (or one for all channels): the model sees (pixel - mean) / std. */
  mean: number[];
  std: number[];
  /** The range of the normalised input, as the model was trained. */
  min: number[];
  max: number[];
}

export interface FeatureOutputSpec {
  name: string;
  description: string;
}

export interface ImageModelMetadataSpec {
  name: string;
  description: string;
  minParserVersion: string;
  input: ImageInputSpec;
  outputs: FeatureOutputSpec[];
}

function floatVector(b: Builder, values: number[]): number {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i]!);
  return b.endVector();
}

function offsetVector(b: Builder, offsets: number[]): number {
  b.startVector(4, offsets.length, 4);
  for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]!);
  return b.endVector();
}

function imageInput(b: Builder, spec: ImageInputSpec): number {
  const name = b.createString(spec.name);
  const description = b.createString(spec.description);

  b.startObject(2); // ImageProperties
  b.addFieldInt8(0, COLOR_SPACE_RGB, 0);
  const imageProperties = b.endObject();
  b.startObject(3); // Content
  b.addFieldInt8(0, CONTENT_IMAGE, 0);
  b.addFieldOffset(1, imageProperties, 0);
  const content = b.endObject();

  const mean = floatVector(b, spec.mean);
  const std = floatVector(b, spec.std);
  b.startObject(2); // NormalizationOptions
  b.addFieldOffset(0, mean, 0);
  b.addFieldOffset(1, std, 0);
  const normalization = b.endObject();
  b.startObject(2); // ProcessUnit
  b.addFieldInt8(0, OPTIONS_NORMALIZATION, 0);
  b.addFieldOffset(1, normalization, 0);
  const processUnit = b.endObject();
  const processUnits = offsetVector(b, [processUnit]);

  const max = floatVector(b, spec.max);
  const min = floatVector(b, spec.min);
  b.startObject(2); // Stats
  b.addFieldOffset(0, max, 0);
  b.addFieldOffset(1, min, 0);
  const stats = b.endObject();

  b.startObject(7); // TensorMetadata
  b.addFieldOffset(0, name, 0);
  b.addFieldOffset(1, description, 0);
  b.addFieldOffset(3, content, 0);
  b.addFieldOffset(4, processUnits, 0);
  b.addFieldOffset(5, stats, 0);
  return b.endObject();
}

function featureOutput(b: Builder, spec: FeatureOutputSpec): number {
  const name = b.createString(spec.name);
  const description = b.createString(spec.description);
  b.startObject(0); // FeatureProperties
  const featureProperties = b.endObject();
  b.startObject(3); // Content
  b.addFieldInt8(0, CONTENT_FEATURE, 0);
  b.addFieldOffset(1, featureProperties, 0);
  const content = b.endObject();
  b.startObject(7); // TensorMetadata
  b.addFieldOffset(0, name, 0);
  b.addFieldOffset(1, description, 0);
  b.addFieldOffset(3, content, 0);
  return b.endObject();
}

/** The ModelMetadata flatbuffer for a model with one RGB image input and feature outputs. */
export function buildImageModelMetadata(spec: ImageModelMetadataSpec): Uint8Array {
  const b = new Builder(1024);
  const input = imageInput(b, spec.input);
  const outputs = spec.outputs.map((o) => featureOutput(b, o));
  const inputVector = offsetVector(b, [input]);
  const outputVector = offsetVector(b, outputs);
  b.startObject(10); // SubGraphMetadata
  b.addFieldOffset(2, inputVector, 0);
  b.addFieldOffset(3, outputVector, 0);
  const subgraph = b.endObject();
  const subgraphs = offsetVector(b, [subgraph]);

  const name = b.createString(spec.name);
  const description = b.createString(spec.description);
  const minParserVersion = b.createString(spec.minParserVersion);
  b.startObject(8); // ModelMetadata
  b.addFieldOffset(0, name, 0);
  b.addFieldOffset(1, description, 0);
  b.addFieldOffset(3, subgraphs, 0);
  b.addFieldOffset(7, minParserVersion, 0);
  b.finish(b.endObject(), METADATA_FILE_IDENTIFIER);
  return b.asUint8Array().slice();
}

/** What a reader of the metadata needs to know about the image input (for checks and tests). */
export interface ImageInputSummary {
  name: string | null;
  colorSpace: number | null;
  mean: number[];
  std: number[];
}

/** Reads back the first subgraph's first input of a ModelMetadata buffer. */
export function readImageInput(metadata: Uint8Array): ImageInputSummary {
  const bb = new ByteBuffer(metadata);
  if (bb.__has_identifier(METADATA_FILE_IDENTIFIER) === false) throw new Error('not a TFLite ModelMetadata buffer (identifier M001 missing)');
  const field = (table: number, slot: number) => bb.__offset(table, 4 + 2 * slot);
  const table = (t: number, slot: number) => (field(t, slot) ? bb.__indirect(t + field(t, slot)) : null);
  const first = (t: number, slot: number) => (field(t, slot) && bb.__vector_len(t + field(t, slot)) > 0 ? bb.__indirect(bb.__vector(t + field(t, slot))) : null);
  const floats = (t: number, slot: number) => {
    const o = field(t, slot);
    if (!o) return [];
    const start = bb.__vector(t + o);
    return Array.from({ length: bb.__vector_len(t + o) }, (_, i) => bb.readFloat32(start + 4 * i));
  };
  const root = bb.readInt32(bb.position()) + bb.position();
  const subgraph = first(root, 3);
  const input = subgraph === null ? null : first(subgraph, 2);
  if (input === null) throw new Error('the metadata describes no input tensor');
  const content = table(input, 3);
  const props = content === null || bb.readUint8(content + field(content, 0)) !== CONTENT_IMAGE ? null : table(content, 1);
  const unit = first(input, 4);
  const options = unit === null || !field(unit, 0) || bb.readUint8(unit + field(unit, 0)) !== OPTIONS_NORMALIZATION ? null : table(unit, 1);
  return {
    name: field(input, 0) ? (bb.__string(input + field(input, 0)) as string) : null,
    colorSpace: props === null ? null : field(props, 0) ? bb.readInt8(props + field(props, 0)) : 0,
    mean: options === null ? [] : floats(options, 0),
    std: options === null ? [] : floats(options, 1),
  };
}
