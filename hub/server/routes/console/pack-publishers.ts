// What the console's pack routes share: who may publish, and who did it for the audit log
// (the user, and the token when a script used one).
import type { Role } from '../../../../content/schema/hub-api/console/auth.ts';
import type { Principal } from '../../auth/authenticate.ts';
import { HttpError } from '../../http/http-error.ts';
import { actorOf } from './users.ts';

/** Who may upload, publish, promote and roll back packs. */
export const PUBLISHERS: readonly Role[] = ['admin', 'merchandiser'];

export const conflict = (message: string, code = 'conflict') => new HttpError(409, code, message);

/** Who did it, for the audit log: the user, and the token when a script used one. */
export function packActor(principal: Principal): string {
  const who = actorOf(principal);
  return principal.kind === 'user' && principal.accessTokenId ? `${who} (token ${principal.accessTokenId})` : who;
}
