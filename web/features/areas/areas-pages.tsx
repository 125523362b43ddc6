import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { AreaRecord } from '../../../common/contracts/areas.ts';
import { isApiError } from '../../app/http.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import { SelectField, TextField } from '../../ui/field.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { DeleteDialog } from '../registry/delete-dialog.tsx';
import { findFieldMessage, listUnplacedErrors } from '../registry/field-errors.ts';
import { useAreaLookup } from '../registry/registry.api.ts';
import { canEdit, useMe } from '../session/session.api.ts';
import { listAreaTree, listSubtree, useArea, useSaveArea } from './areas.api.ts';

const areaLabel = (area: AreaRecord) => pickLocalised(area.labelVi, area.labelEn);

/** `/app/areas`: the taxonomy as an indented tree, searchable, each area linking to its page. */
export function AreasListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const lookup = useAreaLookup();
  const [query, setQuery] = useState('');
  return (
    <div className="stack">
      <div className="row-between">
        <h1>{t('areas.title')}</h1>
        {canEdit(me.data) && (
          <Link className="button" to="/app/areas/new">
            {t('areas.new')}
          </Link>
        )}
      </div>
      <TextField type="search" label={t('areas.search')} value={query} onChange={setQuery} name="q" />
      <QueryState query={lookup}>
        {(byId) => {
          const nodes = listAreaTree([...byId.values()], areaLabel, query);
          return nodes.length === 0 ? (
            <p className="muted">{t('app.empty')}</p>
          ) : (
            <ul className="area-tree" data-testid="area-tree">
              {nodes.map(({ area, depth }) => (
                <li key={area.id} style={{ paddingInlineStart: `${depth * 1.5}rem` }} data-testid="area-row">
                  <Link to={`/app/areas/${area.id}`}>{area.labelVi}</Link>
                  <span className="muted">
                    {' '}
                    · {area.labelEn} · <code>{area.id}</code>
                  </span>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryState>
    </div>
  );
}

interface AreaFormProps {
  area: AreaRecord | null;
  onSaved: (area: AreaRecord) => void;
  onCancel: () => void;
}

/** Creates an area (code, both labels, parent) or edits one (labels and parent; the code is its id). */
export function AreaForm({ area, onSaved, onCancel }: AreaFormProps) {
  const { t } = useTranslation();
  const lookup = useAreaLookup();
  const save = useSaveArea(area?.id ?? null);
  const [id, setId] = useState(area?.id ?? '');
  const [labelVi, setLabelVi] = useState(area?.labelVi ?? '');
  const [labelEn, setLabelEn] = useState(area?.labelEn ?? '');
  const [parentId, setParentId] = useState(area?.parentId ?? '');
  const all = [...(lookup.data?.values() ?? [])];
  const excluded = area ? listSubtree(all, area.id) : new Set<string>();
  const parents = listAreaTree(all, areaLabel)
    .filter((node) => !excluded.has(node.area.id))
    .map((node) => ({ value: node.area.id, label: `${'— '.repeat(node.depth)}${areaLabel(node.area)}` }));
  const errors = isApiError(save.error) ? save.error.fieldErrors : [];
  const unplaced = listUnplacedErrors(errors, ['id', 'labelVi', 'labelEn', 'parentId']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const input = { labelVi: labelVi.trim(), labelEn: labelEn.trim(), parentId: parentId || null };
    // mutateAsync, not mutate's callbacks: the save refetches the area, which may remount this form
    // before a callback would run. A failure shows from `save.error`.
    save
      .mutateAsync(area ? { ...input, version: area.version } : { ...input, id: id.trim() })
      .then(onSaved, () => undefined);
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      {save.error && (errors.length === 0 || unplaced.length > 0) && (
        <div className="notice notice-error" role="alert">
          {isApiError(save.error, 409)
            ? t('detail.conflict')
            : t('detail.genericError', {
                detail:
                  unplaced.map((item) => `${item.path}: ${item.message}`).join('; ') ||
                  (isApiError(save.error) ? save.error.detail : String(save.error)),
              })}
        </div>
      )}
      {area === null && (
        <TextField
          label={t('areas.fields.id')}
          hint={t('areas.idHint')}
          value={id}
          onChange={setId}
          isRequired
          name="id"
          error={findFieldMessage(errors, 'id')}
        />
      )}
      <TextField
        label={t('areas.fields.labelVi')}
        value={labelVi}
        onChange={setLabelVi}
        isRequired
        name="labelVi"
        error={findFieldMessage(errors, 'labelVi')}
      />
      <TextField
        label={t('areas.fields.labelEn')}
        value={labelEn}
        onChange={setLabelEn}
        isRequired
        name="labelEn"
        error={findFieldMessage(errors, 'labelEn')}
      />
      <SelectField
        label={t('areas.fields.parentId')}
        value={parentId}
        options={parents}
        emptyLabel={t('areas.noParent')}
        onChange={setParentId}
        name="parentId"
        error={findFieldMessage(errors, 'parentId')}
      />
      <div className="row form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? t('detail.saving') : area ? t('detail.save') : t('create.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('detail.cancel')}
        </button>
      </div>
    </form>
  );
}

/** `/app/areas/new`: the area form, empty; the new area's page opens once it is created. */
export function NewAreaPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="stack">
      <p className="eyebrow">{t('areas.title')}</p>
      <h1>{t('areas.new')}</h1>
      <AreaForm
        area={null}
        onSaved={(area) => navigate(`/app/areas/${area.id}`)}
        onCancel={() => navigate('/app/areas')}
      />
    </div>
  );
}

/** `/app/areas/:id/edit`: the area's labels and parent. */
export function EditAreaPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const area = useArea(id);
  return (
    <div className="stack">
      <p className="eyebrow">{t('areas.title')}</p>
      <QueryState query={area}>
        {(record) => (
          <>
            <h1>{t('areas.edit', { label: areaLabel(record) })}</h1>
            <AreaForm
              key={record.version}
              area={record}
              onSaved={(saved) => navigate(`/app/areas/${saved.id}`)}
              onCancel={() => navigate(`/app/areas/${record.id}`)}
            />
          </>
        )}
      </QueryState>
    </div>
  );
}

/** Edit and delete on an area's page, for editors; the delete lists what files records under the
 * area and offers another area to move them to. */
export function AreaActions({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const area = useArea(id);
  const [isDeleting, setIsDeleting] = useState(false);
  if (!canEdit(me.data) || !area.data) return null;
  return (
    <div className="row">
      <Link className="button" to={`/app/areas/${encodeURIComponent(id)}/edit`} data-testid="edit-record">
        {t('detail.edit')}
      </Link>
      <button
        type="button"
        className="danger"
        onClick={() => setIsDeleting(true)}
        data-testid="delete-record"
      >
        {t('create.delete')}
      </button>
      {isDeleting && (
        <DeleteDialog
          collection="areas"
          record={area.data}
          label={areaLabel(area.data)}
          onClose={() => setIsDeleting(false)}
        />
      )}
    </div>
  );
}

/** A new area made from inside an area picker: the area form in a dialog over the page, which
 * leaves the page's form as it was. */
export function AreaCreateDialog({
  onCreated,
  onClose,
}: {
  onCreated: (area: AreaRecord) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return createPortal(
    <div className="dialog-backdrop">
      <div ref={ref} className="dialog card stack" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <div className="row-between">
          <h2 id={titleId}>{t('areas.new')}</h2>
          <button type="button" onClick={onClose}>
            {t('create.close')}
          </button>
        </div>
        <AreaForm
          area={null}
          onCancel={onClose}
          onSaved={(area) => {
            onCreated(area);
            onClose();
          }}
        />
      </div>
    </div>,
    document.body,
  );
}
