import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../common/contracts/spreadsheets.ts';
import { buildQuery, isApiError, type QueryValue, requestJson } from '../../app/http.ts';
import { getLanguage } from '../../i18n/i18n.ts';
import type { Collection } from './registry.api.ts';

/** The list's export links: the file holds what the list shows, under its current filters. */
export function ExportLinks({
  collection,
  filters,
}: {
  collection: Collection;
  filters: Record<string, QueryValue>;
}) {
  const { t } = useTranslation();
  const query = (kind: string) =>
    `/api/v1/export/${collection}.${kind}${buildQuery({ ...filters, lang: getLanguage() })}`;
  return (
    <p className="export-links">
      <a className="button" href={query('xlsx')} download>
        {t('sheets.exportXlsx')}
      </a>{' '}
      <a className="button" href={query('csv')} download>
        {t('sheets.exportCsv')}
      </a>
    </p>
  );
}

/** Upload a spreadsheet, see what a dry run would do row by row, then confirm. */
export function SpreadsheetImport({ collection }: { collection: Collection }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [isOnlyValid, setIsOnlyValid] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const language = getLanguage();

  async function send(isDryRun: boolean) {
    if (!file) return;
    setIsBusy(true);
    setProblem(null);
    const body = new FormData();
    body.append('file', file);
    try {
      const answer = await requestJson<ImportResult>(
        `/api/v1/import/${collection}${buildQuery({ dryRun: isDryRun, onlyValid: isOnlyValid, lang: language })}`,
        { method: 'POST', body },
      );
      setResult(answer);
      if (answer.isWritten) await queryClient.invalidateQueries({ queryKey: [collection] });
    } catch (error) {
      setResult(null);
      setProblem(isApiError(error) ? error.detail : String(error));
    } finally {
      setIsBusy(false);
    }
  }

  function check(event: FormEvent) {
    event.preventDefault();
    void send(true);
  }

  const template = (kind: string) => `/api/v1/import/${collection}/template.${kind}?lang=${language}`;
  const hasErrors = (result?.errors.length ?? 0) > 0;

  return (
    <details className="spreadsheet-import">
      <summary>{t('sheets.import')}</summary>
      <p className="muted">
        {t('sheets.importHint')} <a href={template('xlsx')}>{t('sheets.templateXlsx')}</a> ·{' '}
        <a href={template('csv')}>{t('sheets.templateCsv')}</a>
      </p>
      <form onSubmit={check} aria-label={t('sheets.import')}>
        <label>
          {t('sheets.file')}{' '}
          <input
            type="file"
            name="file"
            accept=".xlsx,.csv"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setResult(null);
            }}
          />
        </label>{' '}
        <button type="submit" disabled={!file || isBusy}>
          {t('sheets.dryRun')}
        </button>
      </form>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {result && (
        <div className="stack" aria-live="polite">
          <p role="status">
            {t(result.isWritten ? 'sheets.written' : 'sheets.wouldWrite', {
              created: result.created,
              updated: result.updated,
              unchanged: result.unchanged,
              errors: result.errors.length,
            })}
          </p>
          {hasErrors && (
            <ul className="import-errors">
              {result.errors.map((error) => (
                <li key={`${error.row}-${error.column}-${error.message}`}>{error.message}</li>
              ))}
            </ul>
          )}
          <table className="data-table">
            <caption className="visually-hidden">{t('sheets.rows')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sheets.row')}</th>
                <th scope="col">{t('sheets.action')}</th>
                <th scope="col">{t('sheets.record')}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.row}>
                  <td>{row.row}</td>
                  <td>{t(`sheets.actions.${row.action}`)}</td>
                  <td>{row.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.isDryRun && (
            <p>
              {hasErrors && (
                <label>
                  <input
                    type="checkbox"
                    checked={isOnlyValid}
                    onChange={(event) => setIsOnlyValid(event.target.checked)}
                  />{' '}
                  {t('sheets.onlyValid')}
                </label>
              )}{' '}
              <button
                type="button"
                className="primary"
                disabled={isBusy || (hasErrors && !isOnlyValid)}
                onClick={() => void send(false)}
              >
                {t('sheets.confirm')}
              </button>
            </p>
          )}
        </div>
      )}
    </details>
  );
}
