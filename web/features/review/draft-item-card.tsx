import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelEnum } from '../../i18n/enum-label.ts';
import { formatDate, formatPercent } from '../../i18n/format.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import { SelectField, TextField } from '../../ui/field.tsx';
import { type Area, usePartnerLookup } from '../registry/registry.api.ts';
import { type PersonMatch, useAgreementMatches, usePeopleMatches } from './review.api.ts';
import { type FieldDef, fieldDefs, isLowConfidence, type ReviewItem, spanTypeOf } from './review-state.ts';

interface DraftItemCardProps {
  item: ReviewItem;
  areas: Map<string, Area> | undefined;
  /** Partner names by code, to show "Belarus" rather than "BY". */
  partnerNames: Map<string, string>;
  isEditable: boolean;
  onChange: (item: ReviewItem) => void;
  onShow: (item: ReviewItem) => void;
}

function describeItem(
  item: ReviewItem,
  areas: Map<string, Area> | undefined,
  partnerNames: Map<string, string>,
): { label: string; details: string[] } {
  const f = item.fields;
  switch (item.section) {
    case 'events':
      return {
        label: f.title || [labelEnum('eventKind', f.kind), formatDate(f.start)].filter(Boolean).join(' · '),
        details: [
          ...(f.title ? [labelEnum('eventKind', f.kind), formatDate(f.start)] : []),
          labelEnum('eventMode', f.mode),
          f.location ?? '',
        ].filter(Boolean),
      };
    case 'partners':
      return {
        label: partnerNames.get((f.code ?? '').toUpperCase()) ?? f.code ?? '',
        details: [f.code ?? '', labelEnum('partnerKind', String(item.extra.kind ?? ''))].filter(Boolean),
      };
    case 'participants':
      return {
        label: f.name ?? '',
        details: [f.title, f.org, f.countryCode, labelEnum('participantRole', f.role)].filter(
          (part): part is string => Boolean(part),
        ),
      };
    case 'agreements':
      return {
        label: f.title || labelEnum('agreementKind', f.kind),
        details: [
          labelEnum('agreementKind', f.kind),
          labelEnum('agreementStatus', f.status),
          formatDate(f.date),
          f.parties ?? '',
        ].filter(Boolean),
      };
    case 'areas': {
      const area = areas?.get(f.id ?? '');
      return { label: area ? pickLocalised(area.labelVi, area.labelEn) : (f.id ?? ''), details: [] };
    }
    case 'commitments':
      return {
        label: f.text ?? '',
        details: [labelEnum('commitmentStatus', f.status), f.areaIds ?? ''].filter(Boolean),
      };
    case 'policies':
      // The number is what finds the policy record when the review is accepted.
      return { label: f.number ?? '', details: [] };
  }
}

function ItemField({
  def,
  item,
  areas,
  onChange,
}: {
  def: FieldDef;
  item: ReviewItem;
  areas: Map<string, Area> | undefined;
  onChange: (item: ReviewItem) => void;
}) {
  const { t } = useTranslation();
  const value = item.fields[def.name] ?? '';
  const label = t(`review.fields.${def.label ?? def.name}` as 'review.fields.name');
  const update = (next: string) => onChange({ ...item, fields: { ...item.fields, [def.name]: next } });
  if (def.kind === 'select' && def.options) {
    const { group, values } = def.options;
    return (
      <SelectField
        label={label}
        value={value}
        emptyLabel={t('app.none')}
        options={values.map((option) => ({ value: option, label: labelEnum(group, option) }))}
        onChange={update}
      />
    );
  }
  if (def.kind === 'area') {
    const options = [...(areas?.values() ?? [])].map((area) => ({
      value: area.id,
      label: pickLocalised(area.labelVi, area.labelEn),
    }));
    return (
      <SelectField
        label={label}
        value={value}
        emptyLabel={t('app.none')}
        options={options}
        onChange={update}
      />
    );
  }
  return (
    <TextField
      label={label}
      value={value}
      type={def.kind === 'date' ? 'date' : 'text'}
      isMultiline={def.kind === 'multiline'}
      onChange={update}
    />
  );
}

function splitCodes(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
}

function MatchPanel({
  item,
  candidates,
  onChange,
}: {
  item: ReviewItem;
  candidates: PersonMatch[];
  onChange: (item: ReviewItem) => void;
}) {
  const { t } = useTranslation();
  const isPerson = item.section === 'participants';
  // Report the count up: accepting waits until every possible duplicate has a decision.
  useEffect(() => {
    if (item.candidateCount !== candidates.length) onChange({ ...item, candidateCount: candidates.length });
  }, [candidates.length, item, onChange]);

  const linked = candidates.find((match) => match.id === item.linkedId);
  if (item.linkedId) {
    return (
      <div className="matches" data-testid="match-linked">
        <p>✓ {t('review.matchedTo', { name: linked?.name ?? item.fields.name ?? '' })}</p>
        <button type="button" className="link-button" onClick={() => onChange({ ...item, linkedId: null })}>
          {t('review.unlinkMatch')}
        </button>
      </div>
    );
  }
  if (candidates.length === 0)
    return isPerson ? <p className="matches muted">{t('review.newPerson')}</p> : null;
  return (
    <div className={item.isNewConfirmed ? 'matches' : 'matches matches-undecided'}>
      <p>{isPerson ? t('review.matches') : t('review.agreementMatches')}</p>
      <ul>
        {candidates.map((match) => (
          <li key={match.id}>
            <strong>{match.name}</strong>
            {match.title && ` — ${match.title}`}
            {match.countryCode && ` (${match.countryCode})`}
            {match.evidence && (
              <span className="muted"> · {t('review.matchEvidence', { evidence: match.evidence })}</span>
            )}{' '}
            <button
              type="button"
              onClick={() => onChange({ ...item, linkedId: match.id, isNewConfirmed: false })}
            >
              {isPerson ? t('review.useMatch') : t('review.useAgreement')}
              <span className="visually-hidden">: {match.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={item.isNewConfirmed}
          onChange={(event) => onChange({ ...item, isNewConfirmed: event.target.checked })}
        />
        {t('review.confirmNew')}
      </label>
    </div>
  );
}

function PersonMatches({ item, onChange }: { item: ReviewItem; onChange: (item: ReviewItem) => void }) {
  const matches = usePeopleMatches(item.fields.name ?? '', item.fields.countryCode ?? '');
  return <MatchPanel item={item} candidates={matches.data ?? []} onChange={onChange} />;
}

function AgreementMatches({ item, onChange }: { item: ReviewItem; onChange: (item: ReviewItem) => void }) {
  const partners = usePartnerLookup();
  // Vietnam is a party to everything; the other party is what tells agreements apart.
  const foreignCode = splitCodes(item.fields.parties).find((code) => code !== 'VN');
  const partnerId = [...(partners.data?.values() ?? [])].find((partner) => partner.code === foreignCode)?.id;
  const matches = useAgreementMatches(item.fields.kind ?? '', item.fields.date ?? '', partnerId);
  return <MatchPanel item={item} candidates={matches.data ?? []} onChange={onChange} />;
}

export const DraftItemCard = memo(function DraftItemCard({
  item,
  areas,
  partnerNames,
  isEditable,
  onChange,
  onShow,
}: DraftItemCardProps) {
  const { t } = useTranslation();
  const [isEditing, setIsEditing] = useState(item.fields.name === '' && item.section === 'participants');
  const { label, details } = describeItem(item, areas, partnerNames);
  const isLow = isLowConfidence(item);
  const isDropped = item.state === 'dropped';
  const headingId = `item-${item.key}`;
  const classes = ['item-card', `state-${item.state}`, isLow ? 'is-low' : ''].filter(Boolean).join(' ');

  return (
    <li className={classes} aria-labelledby={headingId} data-item={item.key} data-section={item.section}>
      <div className="item-head">
        <span className={`swatch span-${spanTypeOf[item.section]}`} aria-hidden="true" />
        <strong id={headingId} className="item-label">
          {label || t('app.none')}
        </strong>
        {isLow && <span className="badge badge-warn">⚠ {t('review.lowConfidence')}</span>}
        {item.state === 'accepted' && <span className="badge badge-ok">✓ {t('review.accepted')}</span>}
        {isDropped && <span className="badge">{t('review.dropped')}</span>}
        {item.confidence !== null && (
          <span className="muted confidence">
            {t('review.confidence', { value: formatPercent(item.confidence) })}
          </span>
        )}
      </div>
      {details.length > 0 && !isEditing && <p className="item-details">{details.join(' · ')}</p>}
      {isEditing && (
        <div className="item-fields">
          {fieldDefs[item.section].map((def) => (
            <ItemField key={def.name} def={def} item={item} areas={areas} onChange={onChange} />
          ))}
        </div>
      )}
      {item.section === 'participants' && !isDropped && isEditable && (
        <PersonMatches item={item} onChange={onChange} />
      )}
      {item.section === 'agreements' && !isDropped && isEditable && (
        <AgreementMatches item={item} onChange={onChange} />
      )}
      <div className="item-actions">
        <button type="button" disabled={item.spans.length === 0} onClick={() => onShow(item)}>
          {item.spans.length === 0 ? t('review.noSpan') : t('review.showInSource')}
        </button>
        {isEditable && !isDropped && (
          <>
            <button
              type="button"
              aria-pressed={item.state === 'accepted'}
              onClick={() => onChange({ ...item, state: item.state === 'accepted' ? 'pending' : 'accepted' })}
            >
              {t('review.accept')}
            </button>
            <button type="button" aria-expanded={isEditing} onClick={() => setIsEditing(!isEditing)}>
              {isEditing ? t('review.done') : t('review.edit')}
            </button>
          </>
        )}
        {isEditable && (
          <button
            type="button"
            onClick={() => onChange({ ...item, state: isDropped ? 'pending' : 'dropped' })}
          >
            {isDropped ? t('review.restore') : t('review.drop')}
          </button>
        )}
      </div>
    </li>
  );
});
