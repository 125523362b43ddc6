import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mergeCollections } from '../../../common/domain/enums.ts';
import { labelEnum } from '../../i18n/enum-label.ts';
import { formatDate } from '../../i18n/format.ts';
import { canEdit, useMe } from '../session/session.api.ts';
import { DeleteDialog } from './delete-dialog.tsx';
import { IdLinks } from './id-links.tsx';
import { isLinkField, RecordForm } from './record-form.tsx';
import { RecordHistoryView } from './record-history.tsx';
import type { Collection, RecordTypes } from './registry.api.ts';
import { editFields } from './registry-fields.ts';

function showValue(
  field: (typeof editFields)[Collection][number],
  value: unknown,
  yes: string,
  no: string,
): string {
  if (field.kind === 'checkbox') return value ? yes : no;
  if (Array.isArray(value)) return value.length > 0 ? value.join('; ') : '—';
  if (value === null || value === undefined || value === '') return '—';
  if (field.kind === 'date') return formatDate(String(value));
  if (field.kind === 'select' && field.options) return labelEnum(field.options.group, String(value));
  return String(value);
}

interface RecordViewProps<C extends Collection> {
  collection: C;
  record: RecordTypes[C];
  title: string;
  children?: ReactNode;
}

/** A record's heading, its fields (or their edit form) and the related sections passed in; or,
 * on the History tab, its audited changes. */
export function RecordView<C extends Collection>({
  collection,
  record,
  title,
  children,
}: RecordViewProps<C>) {
  const { t } = useTranslation();
  const me = useMe();
  const [isEditing, setIsEditing] = useState(false);
  const [isDeleting, setIsDeleting] = useState(false);
  const [tab, setTab] = useState<'details' | 'history'>('details');
  const fields = editFields[collection];
  const values = record as unknown as Record<string, unknown>;
  return (
    <div className="stack">
      <div className="row-between">
        <div>
          <p className="eyebrow">{t(`records.${collection}`)}</p>
          <h1>{title}</h1>
        </div>
        {canEdit(me.data) && !isEditing && tab === 'details' && (
          <div className="row">
            <button type="button" onClick={() => setIsEditing(true)} data-testid="edit-record">
              {t('detail.edit')}
            </button>
            {(mergeCollections as readonly string[]).includes(collection) && (
              <Link
                className="button"
                to={`/app/${collection}/merge?ids=${(record as unknown as { id: string }).id}`}
                data-testid="merge-with"
              >
                {t('merges.mergeWith')}
              </Link>
            )}
            <button
              type="button"
              className="danger"
              onClick={() => setIsDeleting(true)}
              data-testid="delete-record"
            >
              {t('create.delete')}
            </button>
          </div>
        )}
        {isDeleting && (
          <DeleteDialog
            collection={collection}
            record={record as unknown as { id: string; version: number }}
            label={title}
            onClose={() => setIsDeleting(false)}
          />
        )}
      </div>
      <div className="row" role="tablist" aria-label={title}>
        {(['details', 'history'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={tab === name ? 'tab tab-active' : 'tab'}
            data-testid={`tab-${name}`}
            onClick={() => setTab(name)}
          >
            {t(name === 'details' ? 'history.details' : 'history.tab')}
          </button>
        ))}
      </div>
      {tab === 'history' ? (
        <RecordHistoryView collection={collection} record={record} />
      ) : isEditing ? (
        <RecordForm
          collection={collection}
          record={record}
          fields={fields}
          onDone={() => setIsEditing(false)}
        />
      ) : (
        <dl className="fields card">
          {/* Links are shown by each page's related sections, with names and links; write-only
              fields have nothing to show once saved. */}
          {fields
            .filter((field) => !isLinkField(field) && !field.isWriteOnly)
            .map((field) => (
              <div key={field.name}>
                <dt>{t(`columns.${field.name}` as 'columns.name')}</dt>
                <dd>{showValue(field, values[field.name], t('registry.yes'), t('registry.no'))}</dd>
              </div>
            ))}
        </dl>
      )}
      {tab === 'details' && 'policyIds' in values && (
        <section aria-labelledby="related-policies" className="card">
          <h2 id="related-policies">{t('columns.policyIds')}</h2>
          <IdLinks kind="policies" ids={values.policyIds as string[]} />
        </section>
      )}
      {tab === 'details' && children}
    </div>
  );
}
