// A refusal with its status, a sentence a person can act on and a code a program can
// branch on. Thrown anywhere in a route; the error handler turns it into the answer.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = 'bad-request') => new HttpError(400, code, message);
export const unauthorised = (message: string, code = 'unauthorised') => new HttpError(401, code, message);
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
export const notFound = (message: string) => new HttpError(404, 'not-found', message);
