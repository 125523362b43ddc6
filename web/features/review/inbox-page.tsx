import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../app/http.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { FieldShell, TextField } from '../../ui/field.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { useRecordList } from '../registry/registry.api.ts';
import { canEdit, useMe } from '../session/session.api.ts';
import { useCreateSource } from './review.api.ts';

// The reader's refusals, told in the reader's language (the server's detail is English).
const readingProblems = {
  'sources.unsupported_file': 'inbox.problems.unsupportedFile',
  'sources.unreadable_file': 'inbox.problems.unreadableFile',
  'sources.empty_text': 'inbox.problems.emptyText',
  'sources.file_too_large': 'inbox.problems.fileTooLarge',
  'sources.text_too_long': 'inbox.problems.textTooLong',
  'sources.reading_too_slow': 'inbox.problems.readingTooSlow',
  'sources.reading_too_big': 'inbox.problems.readingTooBig',
  'sources.reader_busy': 'inbox.problems.readerBusy',
} as const;

function AddSourceForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createSource = useCreateSource();
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [outlet, setOutlet] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim() && !file) {
      setFormError(t('inbox.needTextOrFile'));
      return;
    }
    setFormError(null);
    createSource.mutate(
      { text, title, url, outlet, ...(file ? { file } : {}) },
      { onSuccess: (source) => navigate(`/app/review/${source.id}`) },
    );
  }

  const error = createSource.error;
  const describeError = (failure: unknown) => {
    if (!isApiError(failure)) return t('app.loadFailed');
    const problem = readingProblems[failure.code as keyof typeof readingProblems];
    return problem ? t(problem) : failure.detail;
  };
  const fieldError = (name: string) =>
    isApiError(error) ? error.fieldErrors.find((item) => item.path === name)?.message : undefined;

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="add-source-title">
      <h2 id="add-source-title">{t('inbox.addSource')}</h2>
      {(formError || error) && (
        <p className="notice notice-error" role="alert">
          {formError ?? describeError(error)}
        </p>
      )}
      <TextField
        label={t('inbox.pasteLabel')}
        name="text"
        value={text}
        onChange={setText}
        isMultiline
        rows={10}
        placeholder={t('inbox.pastePlaceholder')}
        error={fieldError('text')}
      />
      <FieldShell label={t('inbox.fileLabel')}>
        {({ id, describedBy }) => (
          <input
            id={id}
            type="file"
            name="file"
            accept=".txt,.html,.htm,.docx,.pdf,text/plain,text/html,application/pdf"
            aria-describedby={describedBy}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        )}
      </FieldShell>
      <div className="grid-3">
        <TextField
          label={t('inbox.titleLabel')}
          name="title"
          value={title}
          onChange={setTitle}
          error={fieldError('title')}
        />
        <TextField
          label={t('inbox.urlLabel')}
          name="url"
          type="url"
          value={url}
          onChange={setUrl}
          error={fieldError('url')}
        />
        <TextField
          label={t('inbox.outletLabel')}
          name="outlet"
          value={outlet}
          onChange={setOutlet}
          error={fieldError('outlet')}
        />
      </div>
      <div>
        <button type="submit" className="primary" disabled={createSource.isPending}>
          {createSource.isPending ? t('inbox.submitting') : t('inbox.submit')}
        </button>
      </div>
    </form>
  );
}

function WaitingSources() {
  const { t } = useTranslation();
  const waiting = useRecordList('sources', { reviewStatus: 'draft', pageSize: 50 });
  return (
    <section aria-labelledby="waiting-title" className="stack">
      <h2 id="waiting-title">{t('inbox.waiting')}</h2>
      <QueryState query={waiting}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">{t('inbox.noneWaiting')}</p>
          ) : (
            <ul className="card-list">
              {data.items.map((source) => (
                <li key={source.id} className="card row-between">
                  <div>
                    <strong>{source.title || source.id}</strong>
                    <p className="muted">
                      {[source.outlet, formatDateTime(source.publishedAt)].filter(Boolean).join(' · ')}
                    </p>
                  </div>
                  <Link to={`/app/review/${source.id}`} className="button">
                    {t('inbox.review')}
                    <span className="visually-hidden">: {source.title}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

export function InboxPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <div className="stack">
      <h1>{t('inbox.title')}</h1>
      {canEdit(me.data) && <AddSourceForm />}
      <WaitingSources />
    </div>
  );
}
