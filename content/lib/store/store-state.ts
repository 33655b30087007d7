// The PackStore's pointer file: which pack is active, which one came before it (for
// rollback), and whether the active one has been confirmed to start.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileDurable } from '../files/durable-write.ts';

export const PackPointer = z
  .object({
    /** Relative to the store root: packs/<packId>@<version>-<activation>. */
    dir: z.string().regex(/^packs\/[^/]+$/),
    packId: z.string(),
    version: z.string(),
    /** Increases on every activation (and rollback), so two loads of one version differ. */
    activation: z.number().int().min(1),
    activatedAt: z.string(),
    /** The renderer reported that it started on this pack. */
    confirmed: z.boolean(),
    /** Host starts while this pack was active but unconfirmed. */
    startAttempts: z.number().int().min(0),
  })
  .strict();
export type PackPointer = z.infer<typeof PackPointer>;

export const StoreState = z
  .object({
    format: z.literal(1),
    activations: z.number().int().min(0),
    active: PackPointer.nullable(),
    previous: PackPointer.nullable(),
    rolledBack: z.object({ packId: z.string(), version: z.string(), at: z.string(), reason: z.string() }).strict().nullable(),
  })
  .strict();
export type StoreState = z.infer<typeof StoreState>;

export const EMPTY_STATE: StoreState = { format: 1, activations: 0, active: null, previous: null, rolledBack: null };

export async function readState(file: string): Promise<StoreState> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return EMPTY_STATE;
  return StoreState.parse(JSON.parse(text));
}

export const writeState = (file: string, state: StoreState): Promise<void> => writeFileDurable(file, `${JSON.stringify(state, null, 2)}\n`);
