import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { RecordForm } from './record-form.tsx';
import type { Collection } from './registry.api.ts';
import { listCreateFields } from './registry-fields.ts';

/** `/app/<collection>/new`: the edit form, empty, which creates the record and opens it. */
function NewRecordPage({ collection }: { collection: Collection }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="stack">
      <p className="eyebrow">{t(`records.${collection}`)}</p>
      <h1>{t('create.newRecord', { what: t(`records.${collection}`) })}</h1>
      {collection === 'agreements' && (
        <p className="muted">
          <Link to="/app/inbox#signed-text-title" data-testid="from-signed-text">
            {t('create.fromSignedText')}
          </Link>
        </p>
      )}
      <RecordForm
        collection={collection}
        record={null}
        fields={listCreateFields(collection)}
        onDone={() => navigate(`/app/${collection}`)}
        onCreated={(record) => navigate(`/app/${collection}/${record.id}`)}
      />
    </div>
  );
}

export const NewAgreementPage = () => <NewRecordPage collection="agreements" />;
export const NewEventPage = () => <NewRecordPage collection="events" />;
export const NewCommitmentPage = () => <NewRecordPage collection="commitments" />;
export const NewPersonPage = () => <NewRecordPage collection="people" />;
export const NewOrganisationPage = () => <NewRecordPage collection="organisations" />;
export const NewPartnerPage = () => <NewRecordPage collection="partners" />;
export const NewSourcePage = () => <NewRecordPage collection="sources" />;
