import type { AgreementStatus } from './enums.ts';

// The agreement lifecycle, as Law 70/2020/QH14 walks it: proposed → negotiating → signed →
// in force → expired or terminated, with suspension and withdrawal on the way.
// A new agreement may start at any status (older agreements are entered as they stand today);
// after that, only these moves are allowed.

export const allowedTransitions: Readonly<Record<AgreementStatus, readonly AgreementStatus[]>> = {
  proposed: ['negotiating', 'signed'],
  negotiating: ['proposed', 'signed'],
  signed: ['in_force', 'terminated'],
  in_force: ['suspended', 'expired', 'terminated'],
  suspended: ['in_force', 'expired', 'terminated'],
  // An expired agreement comes back into force when the parties extend it (Law 70/2020, art. 33).
  expired: ['in_force'],
  terminated: [],
};

export function isTransitionAllowed(from: AgreementStatus, to: AgreementStatus): boolean {
  return from === to || allowedTransitions[from].includes(to);
}

/** The documents each step of the lifecycle produces; a slot records at least number and date. */
export const agreementDocumentSlots = [
  'proposal_dossier',
  'consultation_opinion',
  'signing_decision',
  'signed_text',
  'signing_report',
  'implementation_plan',
  'termination_notice',
] as const;
export type AgreementDocumentSlot = (typeof agreementDocumentSlots)[number];
