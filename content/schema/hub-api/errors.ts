// The error body every hub route answers with when it refuses a request: a sentence a
// person can act on, and a code a program can branch on.
import { z } from 'zod';

export const ApiErrorBody = z.object({
  error: z.string(),
  code: z.string(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
