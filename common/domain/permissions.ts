// Who may do what beyond a plain role check: one rule, read by the server that enforces it and by
// the web app that decides what to offer.
import type { Role } from './enums.ts';

/**
 * Progress on a commitment is posted by editors, and by the unit that owns it on either side: a unit
 * user posts only on commitments whose owners include the user's organisation.
 */
export function mayPostProgress(
  user: { role: Role; organisationId: string | null } | null | undefined,
  commitment: { vnOwnerIds: readonly string[]; partnerOwnerIds: readonly string[] },
): boolean {
  if (!user) return false;
  if (user.role === 'admin' || user.role === 'editor') return true;
  if (user.role !== 'unit' || !user.organisationId) return false;
  const organisationId = user.organisationId;
  return (
    commitment.vnOwnerIds.includes(organisationId) || commitment.partnerOwnerIds.includes(organisationId)
  );
}
