// Console accounts (admins only): who may do what.
import { z } from 'zod';
import { ApiErrorBody } from '../errors.ts';
import { route } from '../route.ts';
import { ConsoleUser, Password, Role, Username } from './auth.ts';

export const UserRow = ConsoleUser.extend({ disabled: z.boolean(), createdAt: z.string(), lockedUntil: z.number().nullable() });
export type UserRow = z.infer<typeof UserRow>;

export const usersRoute = route({
  method: 'GET',
  path: '/api/users',
  auth: 'console',
  summary: 'Every console account.',
  responses: { 200: z.object({ users: z.array(UserRow) }), 403: ApiErrorBody },
});

export const createUserRoute = route({
  method: 'POST',
  path: '/api/users',
  auth: 'console',
  summary: 'Adds a console account.',
  body: z.strictObject({ username: Username, password: Password, role: Role, storeIds: z.array(z.string().max(64)).max(500).nullable().default(null) }),
  responses: { 200: UserRow, 400: ApiErrorBody, 403: ApiErrorBody, 409: ApiErrorBody },
});

export const updateUserRoute = route({
  method: 'PATCH',
  path: '/api/users/:id',
  auth: 'console',
  summary: "Changes an account's role, stores or password, or disables it.",
  params: z.object({ id: z.coerce.number().int() }),
  body: z.strictObject({ role: Role.optional(), storeIds: z.array(z.string().max(64)).max(500).nullable().optional(), password: Password.optional(), disabled: z.boolean().optional() }),
  responses: { 200: UserRow, 400: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody },
});
