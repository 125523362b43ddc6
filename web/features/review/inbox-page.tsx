import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { type ApiError, isApiError } from '../../app/http.ts';
import { formatDate, formatPublishedAt } from '../../i18n/format.ts';
import { FieldShell, TextField } from '../../ui/field.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { useRecordList } from '../registry/registry.api.ts';
import { canEdit, useMe } from '../session/session.api.ts';
import { useCreateSource, useImportProgress, useStartImport } from './review.api.ts';

// The reader's refusals, told in the reader's language (the server's detail is English).
const readingProblems = {
  'sources.unsupported_file': 'inbox.problems.unsupportedFile',
  'sources.unreadable_file': 'inbox.problems.unreadableFile',
  'sources.empty_text': 'inbox.problems.emptyText',
  'sources.unsupported_language': 'inbox.problems.unsupportedLanguage',
  'sources.file_too_large': 'inbox.problems.fileTooLarge',
  'sources.text_too_long': 'inbox.problems.textTooLong',
  'sources.reading_too_slow': 'inbox.problems.readingTooSlow',
  'sources.reading_too_big': 'inbox.problems.readingTooBig',
  'sources.reader_busy': 'inbox.problems.readerBusy',
} as const;

/** The article is already registered: which source it repeats, a link to it, and "Register anyway",
 * which sends the same article again with allowDuplicate. */
function DuplicateNotice({
  error,
  onRegisterAnyway,
  isPending,
}: {
  error: ApiError;
  onRegisterAnyway: () => void;
  isPending: boolean;
}) {
  const { t } = useTranslation();
  const existing = error.duplicateOf;
  if (!existing) return null;
  return (
    <div className="notice notice-warn" role="alert" data-testid="duplicate-source">
      <p>
        {t(existing.matchedBy === 'url' ? 'inbox.duplicate.sameUrl' : 'inbox.duplicate.sameText', {
          title: existing.label,
          date: existing.date ? formatDate(existing.date) : t('inbox.duplicate.noDate'),
        })}
      </p>
      <p className="row">
        <Link to={`/app/sources/${existing.id}`}>{t('inbox.duplicate.open')}</Link>{' '}
        <button type="button" onClick={onRegisterAnyway} disabled={isPending}>
          {t('inbox.duplicate.registerAnyway')}
        </button>
      </p>
    </div>
  );
}

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
    send(false);
  }

  function send(allowDuplicate: boolean) {
    setFormError(null);
    createSource.mutate(
      { text, title, url, outlet, ...(file ? { file } : {}), ...(allowDuplicate ? { allowDuplicate } : {}) },
      { onSuccess: (source) => navigate(`/app/review/${source.id}`) },
    );
  }

  const error = createSource.error;
  const isDuplicate = isApiError(error, 409) && Boolean(error.duplicateOf);
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
      {isDuplicate && !formError ? (
        <DuplicateNotice
          error={error}
          onRegisterAnyway={() => send(true)}
          isPending={createSource.isPending}
        />
      ) : (
        (formError || error) && (
          <p className="notice notice-error" role="alert">
            {formError ?? describeError(error)}
          </p>
        )
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

/** The signed-text card's heading, which "New agreement" links to. */
const signedTextTitleId = 'signed-text-title';

/** "From a signed document": the PDF or DOCX of an agreement is read as an article is, reviewed
 * on the same page, and attached to the agreement the review creates. */
function SignedTextForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createSource = useCreateSource();
  const [file, setFile] = useState<File | null>(null);
  const { hash } = useLocation();
  const formRef = useRef<HTMLFormElement>(null);
  // Reached from "New agreement" → "from the signed document": bring this card into view.
  useEffect(() => {
    if (hash === `#${signedTextTitleId}`) formRef.current?.scrollIntoView({ block: 'start' });
  }, [hash]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    send(false);
  }

  function send(allowDuplicate: boolean) {
    if (!file) return;
    createSource.mutate(
      { file, isSignedText: true, ...(allowDuplicate ? { allowDuplicate } : {}) },
      { onSuccess: (source) => navigate(`/app/review/${source.id}`) },
    );
  }

  const error = createSource.error;
  const message = !error
    ? null
    : isApiError(error, 415)
      ? t('inbox.signedText.typeRefused')
      : isApiError(error)
        ? t(readingProblems[error.code as keyof typeof readingProblems] ?? 'app.loadFailed')
        : t('app.loadFailed');
  return (
    <form ref={formRef} className="card stack" onSubmit={submit} aria-labelledby={signedTextTitleId}>
      <h2 id={signedTextTitleId}>{t('inbox.signedText.title')}</h2>
      <p className="muted">{t('inbox.signedText.hint')}</p>
      {isApiError(error, 409) && error.duplicateOf ? (
        <DuplicateNotice
          error={error}
          onRegisterAnyway={() => send(true)}
          isPending={createSource.isPending}
        />
      ) : (
        message && (
          <p className="notice notice-error" role="alert">
            {message}
          </p>
        )
      )}
      <FieldShell label={t('inbox.signedText.file')}>
        {({ id, describedBy }) => (
          <input
            id={id}
            type="file"
            name="signedText"
            accept=".pdf,.docx,application/pdf"
            aria-describedby={describedBy}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        )}
      </FieldShell>
      <div>
        <button type="submit" className="primary" disabled={!file || createSource.isPending}>
          {createSource.isPending ? t('inbox.submitting') : t('inbox.signedText.submit')}
        </button>
      </div>
    </form>
  );
}

function BatchImportForm() {
  const { t } = useTranslation();
  const startImport = useStartImport();
  const [files, setFiles] = useState<File[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const progress = useImportProgress(importId);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (files.length === 0) {
      setFormError(t('inbox.batchNeedFiles'));
      return;
    }
    setFormError(null);
    startImport.mutate(files, { onSuccess: (started) => setImportId(started.id) });
  }

  const state = progress.data;
  const settled = state ? state.total - state.pending : 0;
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="batch-import-title">
      <h2 id="batch-import-title">{t('inbox.batchTitle')}</h2>
      <p className="muted">{t('inbox.batchHint')}</p>
      {(formError || startImport.error) && (
        <p className="notice notice-error" role="alert">
          {formError ?? (isApiError(startImport.error) ? startImport.error.detail : t('app.loadFailed'))}
        </p>
      )}
      <FieldShell label={t('inbox.batchFiles')}>
        {({ id, describedBy }) => (
          <input
            id={id}
            type="file"
            name="files"
            multiple
            accept=".txt,.html,.htm,.docx,.pdf,.zip,text/plain,text/html,application/pdf,application/zip"
            aria-describedby={describedBy}
            onChange={(event) => setFiles([...(event.target.files ?? [])])}
          />
        )}
      </FieldShell>
      <div>
        <button type="submit" className="primary" disabled={startImport.isPending}>
          {startImport.isPending ? t('inbox.batchSubmitting') : t('inbox.batchSubmit')}
        </button>
      </div>
      {state && (
        <div className="stack" aria-live="polite">
          <progress value={settled} max={Math.max(state.total, 1)} aria-label={t('inbox.batchTitle')} />
          <p>
            {t('inbox.batchProgress', {
              settled,
              total: state.total,
              imported: state.imported,
              duplicates: state.duplicates,
              failed: state.failed,
            })}
            {state.status === 'done' && ` ${t('inbox.batchDone')}`}
          </p>
          {state.failures.length > 0 && (
            <details>
              <summary>{t('inbox.batchFailures')}</summary>
              <ul>
                {state.failures.map((failure) => (
                  <li key={failure.path}>
                    <code>{failure.path}</code>: {failure.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </form>
  );
}

function WaitingSources() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const waiting = useRecordList('sources', {
    reviewStatus: 'draft',
    sort: 'createdAt',
    order,
    pageSize: 50,
    ...(q.trim() ? { q: q.trim() } : {}),
  });
  return (
    <section aria-labelledby="waiting-title" className="stack">
      <h2 id="waiting-title">{t('inbox.waiting')}</h2>
      <div className="grid-3">
        <TextField label={t('inbox.filterText')} name="q" value={q} onChange={setQ} />
        <FieldShell label={t('inbox.order')}>
          {({ id }) => (
            <select
              id={id}
              value={order}
              onChange={(event) => setOrder(event.target.value as 'asc' | 'desc')}
            >
              <option value="asc">{t('inbox.oldestFirst')}</option>
              <option value="desc">{t('inbox.newestFirst')}</option>
            </select>
          )}
        </FieldShell>
      </div>
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
                      {[source.outlet, formatPublishedAt(source.publishedAt)].filter(Boolean).join(' · ')}
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
      {canEdit(me.data) && <SignedTextForm />}
      {canEdit(me.data) && <BatchImportForm />}
      <WaitingSources />
    </div>
  );
}
