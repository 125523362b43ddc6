import { z } from 'zod';
import { roles } from '../domain/enums.ts';
import { limits } from '../domain/limits.ts';
import { emailAddress, listQueryBase, recordId, recordMeta, version } from './common.ts';

export const userRecord = z.object({
  ...recordMeta,
  email: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  organisationId: z.string().nullable(),
  isActive: z.boolean(),
  /** When the password was last changed after the account was made; null if never. */
  passwordChangedAt: z.string().nullable(),
  /** When the newest session still kept was opened; null when none is (signed out, expired). */
  lastSignInAt: z.string().nullable(),
});
export type UserRecord = z.infer<typeof userRecord>;

export const sessionUser = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  organisationId: z.string().nullable(),
});

const password = z
  .string()
  .min(limits.passwordMin, `must be at least ${limits.passwordMin} characters`)
  .max(limits.passwordMax);

export const loginRequest = z.strictObject({
  email: z.string().trim().min(1, 'is required').max(320),
  password: z.string().min(1, 'is required').max(limits.passwordMax),
});
export type LoginRequest = z.infer<typeof loginRequest>;

/** `POST /api/v1/me/password`: the signed-in user's own change. */
export const changeOwnPassword = z.strictObject({
  currentPassword: z.string().min(1, 'is required').max(limits.passwordMax),
  newPassword: password,
});
export type ChangeOwnPassword = z.infer<typeof changeOwnPassword>;

export const createUser = z.strictObject({
  email: emailAddress,
  displayName: z.string().trim().max(200).optional(),
  password,
  role: z.enum(roles),
  organisationId: recordId.nullable().optional(),
});
export type CreateUser = z.infer<typeof createUser>;

export const updateUser = z.strictObject({
  version,
  displayName: z.string().trim().max(200).optional(),
  password: password.optional(),
  role: z.enum(roles).optional(),
  organisationId: recordId.nullable().optional(),
  isActive: z.boolean().optional(),
});
export type UpdateUser = z.infer<typeof updateUser>;

export const userListQuery = z.strictObject({
  ...listQueryBase,
  role: z.enum(roles).optional(),
  sort: z.enum(['email', 'role', 'updatedAt']).default('email'),
});
export type UserListQuery = z.infer<typeof userListQuery>;
