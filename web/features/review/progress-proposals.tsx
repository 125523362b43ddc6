import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProgressProposal } from '../../../common/contracts/review.ts';
import { labelEnum } from '../../i18n/enum-label.ts';
import { formatDate } from '../../i18n/format.ts';
import type { Span } from './review.api.ts';

export type ProgressDecision = 'accepted' | 'rejected';

interface ProgressProposalsProps {
  proposals: ProgressProposal[];
  decisions: Record<string, ProgressDecision>;
  partnerNames: Map<string, string>;
  isEditable: boolean;
  onDecide: (recordId: string, decision: ProgressDecision) => void;
  onShow: (span: Span) => void;
}

/** Progress the article reports on registered commitments and agreements: each proposal names
 * the record (a link), the date, why it matched, and is accepted or rejected like a draft item. */
export function ProgressProposals({
  proposals,
  decisions,
  partnerNames,
  isEditable,
  onDecide,
  onShow,
}: ProgressProposalsProps) {
  const { t } = useTranslation();
  return (
    <section className="draft-section" aria-labelledby="section-progress" data-testid="progress-proposals">
      <h3 id="section-progress">
        {t('review.progress.title')} <span className="muted">({proposals.length})</span>
      </h3>
      <ul className="item-list">
        {proposals.map((proposal) => {
          const decision = decisions[proposal.recordId];
          const headingId = `progress-${proposal.recordId}`;
          const span = proposal.spans[0];
          const partners = proposal.reasons.partnerCodes.map((code) => partnerNames.get(code) ?? code);
          return (
            <li
              key={proposal.recordId}
              className={`item-card state-${decision ?? 'pending'}`}
              aria-labelledby={headingId}
              data-item={headingId}
            >
              <div className="item-head">
                <strong id={headingId} className="item-label">
                  {t(`review.progress.kinds.${proposal.kind}`)} · {formatDate(proposal.on)}
                </strong>
                {decision === 'accepted' && <span className="badge badge-ok">✓ {t('review.accepted')}</span>}
                {decision === 'rejected' && <span className="badge">{t('review.dropped')}</span>}
              </div>
              <p>
                {t(`review.progress.on.${proposal.target}`)}{' '}
                <Link
                  to={`/app/${proposal.target === 'commitment' ? 'commitments' : 'agreements'}/${proposal.recordId}`}
                >
                  {proposal.recordLabel}
                </Link>
                {proposal.status && (
                  <>
                    {' → '}
                    <span className={`badge status-${proposal.status}`}>
                      {labelEnum('commitmentStatus', proposal.status)}
                    </span>
                  </>
                )}
              </p>
              <blockquote className="item-details">{proposal.note}</blockquote>
              <ul className="muted" aria-label={t('review.progress.why')}>
                {partners.length > 0 && (
                  <li>{t('review.progress.partners', { names: partners.join(', ') })}</li>
                )}
                {proposal.reasons.agreementTitle && (
                  <li>{t('review.progress.agreement', { title: proposal.reasons.agreementTitle })}</li>
                )}
                {proposal.reasons.sharedWords.length > 0 && (
                  <li>
                    {t('review.progress.sharedWords', { words: proposal.reasons.sharedWords.join(', ') })}
                  </li>
                )}
              </ul>
              <div className="item-actions">
                <button type="button" disabled={!span} onClick={() => span && onShow(span)}>
                  {span ? t('review.showInSource') : t('review.noSpan')}
                </button>
                {isEditable && (
                  <>
                    <button
                      type="button"
                      aria-pressed={decision === 'accepted'}
                      onClick={() => onDecide(proposal.recordId, 'accepted')}
                    >
                      {t('review.accept')}
                      <span className="visually-hidden">: {proposal.recordLabel}</span>
                    </button>
                    <button
                      type="button"
                      aria-pressed={decision === 'rejected'}
                      onClick={() => onDecide(proposal.recordId, 'rejected')}
                    >
                      {t('review.progress.reject')}
                      <span className="visually-hidden">: {proposal.recordLabel}</span>
                    </button>
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The accepted proposals as the accept payload sends them. */
export function listAcceptedProgress(
  proposals: ProgressProposal[],
  decisions: Record<string, ProgressDecision>,
) {
  return proposals
    .filter((proposal) => decisions[proposal.recordId] === 'accepted')
    .map(({ target, recordId, on, note, status, spans }) => ({ target, recordId, on, note, status, spans }));
}
