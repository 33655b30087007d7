// The part of a zod schema that checks the value at a path, so a message can speak of
// what belongs there ("a text in Chinese and English", "the colours primary, accent …")
// instead of the schema's own words. Wrappers (optional, default, nullable, pipe) are
// looked through; a union or anything else unknown gives up (undefined).
import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  valueType?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']);

/** The schema with its wrappers removed. */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let def = defOf(current); ; def = defOf(current)) {
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrapSchema(schema);
  for (const key of path) {
    if (!current) return undefined;
    const def = defOf(current);
    if (def.type === 'object' && typeof key === 'string') current = def.shape?.[key];
    else if (def.type === 'array' && typeof key === 'number') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return undefined;
    current = current && unwrapSchema(current);
  }
  return current;
}

/** The fields an object schema has, required ones first; [] for anything else. */
export function fieldsOf(schema: z.ZodType | undefined): { required: string[]; optional: string[] } {
  const def = schema && defOf(schema);
  if (!def || def.type !== 'object' || !def.shape) return { required: [], optional: [] };
  const required: string[] = [];
  const optional: string[] = [];
  for (const [key, field] of Object.entries(def.shape)) {
    const type = defOf(field).type;
    (type === 'optional' || type === 'default' || type === 'prefault' ? optional : required).push(key);
  }
  return { required, optional };
}
