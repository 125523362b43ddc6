import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/http.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import { CheckboxField } from '../../ui/field.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { DocumentsPanel } from '../documents/documents-panel.tsx';
import { useLeaveGuard } from '../registry/leave-guard.tsx';
import { type Source, useAreaLookup, usePartnerLookup, useRecord } from '../registry/registry.api.ts';
import { canEdit, useMe } from '../session/session.api.ts';
import { DraftItemCard } from './draft-item-card.tsx';
import { listAcceptedProgress, type ProgressDecision, ProgressProposals } from './progress-proposals.tsx';
import { type Draft, type Span, useAcceptDraft, useDraft, useProgressProposals } from './review.api.ts';
import {
  buildAcceptPayload,
  buildSegments,
  createItem,
  createItems,
  failedSections,
  listMarks,
  listUndecided,
  type ReviewItem,
  type Section,
  sections,
  spanTypeOf,
  spanTypes,
} from './review-state.ts';
import { flashSpan, SourceText, useSourceSelection } from './source-text.tsx';

const sourceId = 'review-source';
const addable = [
  ['participant', 'participants', 'name'],
  ['commitment', 'commitments', 'text'],
  ['agreement', 'agreements', 'title'],
  ['partner', 'partners', 'code'],
] as const;

function ReviewWorkspace({ source, draft }: { source: Source; draft: Draft }) {
  const { t } = useTranslation();
  const me = useMe();
  const isEditable = canEdit(me.data) && source.reviewStatus !== 'accepted';
  const areas = useAreaLookup();
  const partners = usePartnerLookup();
  const partnerNames = useMemo(
    () =>
      new Map(
        [...(partners.data?.values() ?? [])].map((partner) => [
          partner.code,
          pickLocalised(partner.nameVi, partner.nameEn),
        ]),
      ),
    [partners.data],
  );
  const accept = useAcceptDraft(source.id);
  const [items, setItems] = useState<ReviewItem[]>(() => createItems(draft));
  // A half-reviewed draft (any item decided or edited, not yet saved) asks before it is left.
  const [initialItems] = useState(items);
  useLeaveGuard(isEditable && items !== initialItems && !accept.isSuccess);
  const [publish, setPublish] = useState(false);
  const proposals = useProgressProposals(source.id);
  const [decisions, setDecisions] = useState<Record<string, ProgressDecision>>({});
  const [selection, setSelection] = useState<{ span: Span; text: string } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const text = draft.text;
  const failed = failedSections(draft);

  const marks = useMemo(() => listMarks(items), [items]);
  const segments = useMemo(() => buildSegments(text.length, marks), [text.length, marks]);
  const presentTypes = spanTypes.filter((type) => marks.some((mark) => mark.type === type));

  const updateItem = useCallback(
    (next: ReviewItem) => setItems((current) => current.map((item) => (item.key === next.key ? next : item))),
    [],
  );
  const showItem = useCallback(
    (item: ReviewItem) => {
      const span = item.spans[0];
      if (!span) return;
      flashSpan(span);
      setAnnouncement(t('review.flash'));
    },
    [t],
  );
  const showCard = useCallback((key: string) => {
    const card = document.querySelector<HTMLElement>(`[data-item="${key}"]`);
    card?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    card?.querySelector<HTMLElement>('button:not(:disabled)')?.focus({ preventScroll: true });
    card?.classList.add('flash');
    window.setTimeout(() => card?.classList.remove('flash'), 1600);
  }, []);
  const onSelection = useCallback(
    (span: Span | null, selected: string) => setSelection(span ? { span, text: selected } : null),
    [],
  );
  useSourceSelection(sourceId, onSelection);

  function addFromSelection(section: Section, field: string) {
    const key = `added-${section}-${Date.now()}`;
    const value = selection?.text.trim() ?? '';
    const raw = {
      [field]: section === 'partners' ? value.toUpperCase() : value,
      spans: selection ? [selection.span] : [],
    };
    const item: ReviewItem = { ...createItem(section, key, raw), state: 'accepted' };
    setItems((current) => [...current, item]);
    setSelection(null);
    document.getSelection()?.removeAllRanges();
    setAnnouncement(t('review.itemAdded'));
    requestAnimationFrame(() => showCard(key));
  }

  const kept = items.filter((item) => item.state !== 'dropped').length;
  const undecided = listUndecided(items);
  const error = accept.error;

  return (
    <div className="review">
      <div className="review-head">
        <h1>{source.title || draft.title || t('review.title')}</h1>
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
      </div>
      <div className="review-columns">
        <section className="review-source" aria-labelledby="source-title">
          <h2 id="source-title">{t('review.source')}</h2>
          {presentTypes.length > 0 && (
            <ul className="legend" aria-label={t('review.legend')}>
              {presentTypes.map((type) => (
                <li key={type}>
                  <span className={`swatch span-${type}`} aria-hidden="true" />
                  {t(`review.spanTypes.${type}`)}
                </li>
              ))}
            </ul>
          )}
          {isEditable && (
            <div className="selection-bar" role="toolbar" aria-label={t('review.selectionLabel')}>
              <span>{t('review.selectionLabel')}:</span>
              {addable.map(([label, section, field]) => (
                <button
                  key={label}
                  type="button"
                  // Keeps the text selection alive when the button is clicked with a mouse.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => addFromSelection(section, field)}
                >
                  + {t(`review.addAs.${label}`)}
                </button>
              ))}
              <span className="muted selection-preview" aria-live="polite">
                {selection ? `“${selection.text.slice(0, 80)}”` : t('review.selectionHint')}
              </span>
            </div>
          )}
          <SourceText id={sourceId} text={text} segments={segments} onMarkClick={showCard} />
          <DocumentsPanel recordType="source" recordId={source.id} isReadOnly isHiddenWhenEmpty />
        </section>
        <section className="review-draft" aria-labelledby="draft-title">
          <h2 id="draft-title">{t('review.draft')}</h2>
          {failed.length > 0 && (
            <p className="notice notice-warn" data-testid="reader-failures">
              {t('review.readerFailed', {
                parts: failed
                  .map((section) => (section === null ? t('review.source') : t(`review.sections.${section}`)))
                  .join(', '),
              })}
            </p>
          )}
          {source.reviewStatus === 'accepted' && !accept.isSuccess && (
            <p className="notice">{t('review.alreadyAccepted')}</p>
          )}
          {sections.map((section) => {
            const sectionItems = items.filter((item) => item.section === section);
            return (
              <section key={section} className="draft-section" aria-labelledby={`section-${section}`}>
                <h3 id={`section-${section}`}>
                  <span className={`swatch span-${spanTypeOf[section]}`} aria-hidden="true" />
                  {t(`review.sections.${section}`)} <span className="muted">({sectionItems.length})</span>
                </h3>
                {sectionItems.length === 0 ? (
                  <p className="muted">{t('review.emptySection')}</p>
                ) : (
                  <ul className="item-list">
                    {sectionItems.map((item) => (
                      <DraftItemCard
                        key={item.key}
                        item={item}
                        areas={areas.data}
                        partnerNames={partnerNames}
                        isEditable={isEditable}
                        onChange={updateItem}
                        onShow={showItem}
                      />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
          {(proposals.data?.length ?? 0) > 0 && (
            <ProgressProposals
              proposals={proposals.data ?? []}
              decisions={decisions}
              partnerNames={partnerNames}
              isEditable={isEditable}
              onDecide={(recordId, decision) =>
                setDecisions((current) => ({ ...current, [recordId]: decision }))
              }
              onShow={(span) => {
                flashSpan(span);
                setAnnouncement(t('review.flash'));
              }}
            />
          )}
          {isEditable && (
            <div className="accept-bar card stack">
              <p className="muted">{t('review.summary', { count: kept, dropped: items.length - kept })}</p>
              <CheckboxField
                label={t('review.publish')}
                name="publish"
                isChecked={publish}
                onChange={setPublish}
              />
              {undecided.length > 0 && (
                <div className="notice notice-warn" data-testid="undecided">
                  <p>{t('review.undecided', { count: undecided.length })}</p>
                  <ul>
                    {undecided.map((item) => (
                      <li key={item.key}>
                        <button type="button" className="link-button" onClick={() => showCard(item.key)}>
                          {t('review.goToItem', { label: item.fields.name || item.fields.title || item.key })}
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {error && (
                <div className="notice notice-error" role="alert">
                  <p>{isApiError(error) ? error.detail || error.code : t('app.loadFailed')}</p>
                  {isApiError(error) && error.fieldErrors.length > 0 && (
                    <ul>
                      {error.fieldErrors.map((fieldError) => (
                        <li key={`${fieldError.path}-${fieldError.message}`}>
                          <code>{fieldError.path}</code>: {fieldError.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              )}
              <div>
                <button
                  type="button"
                  className="primary"
                  disabled={accept.isPending || undecided.length > 0}
                  onClick={() =>
                    accept.mutate({
                      ...buildAcceptPayload(items, publish, source.version),
                      progress: listAcceptedProgress(proposals.data ?? [], decisions),
                    })
                  }
                >
                  {accept.isPending ? t('review.accepting') : t('review.acceptAll')}
                </button>
              </div>
            </div>
          )}
          {accept.isSuccess && (
            <div className="notice notice-ok" role="status">
              <p>{t('review.acceptedDone')}</p>
              <p>
                <Link to={`/app/sources/${source.id}`}>{t('records.sources')}</Link>
                {accept.data?.agreementIds.map((agreementId) => (
                  <span key={agreementId}>
                    {' · '}
                    <Link to={`/app/agreements/${agreementId}`}>{t('records.agreements')}</Link>
                  </span>
                ))}
                {' · '}
                <Link to="/app/partners">{t('records.partners')}</Link>
                {publish && (
                  <>
                    {' · '}
                    <Link to={`/news/${source.id}`}>{t('detail.viewOnPortal')}</Link>
                  </>
                )}
              </p>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}

export function ReviewPage() {
  const { id = '' } = useParams();
  const source = useRecord('sources', id);
  const draft = useDraft(id);
  return (
    <QueryState query={source}>
      {(sourceData) => (
        <QueryState query={draft}>
          {(draftData) => <ReviewWorkspace source={sourceData} draft={draftData} />}
        </QueryState>
      )}
    </QueryState>
  );
}
