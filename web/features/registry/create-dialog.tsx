import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { RecordForm } from './record-form.tsx';
import type { Collection, RecordTypes } from './registry.api.ts';
import { listCreateFields } from './registry-fields.ts';

interface CreateDialogProps<C extends Collection> {
  collection: C;
  onCreated: (record: RecordTypes[C]) => void;
  onClose: () => void;
}

/** A new record of a linked collection, made from inside a picker: a dialog over the page (in a
 * portal, so its form does not sit inside the page's form), which leaves the page's form as it was. */
export function CreateDialog<C extends Collection>({ collection, onCreated, onClose }: CreateDialogProps<C>) {
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
          <h2 id={titleId}>{t('create.newRecord', { what: t(`records.${collection}`) })}</h2>
          <button type="button" onClick={onClose}>
            {t('create.close')}
          </button>
        </div>
        <RecordForm
          collection={collection}
          record={null}
          fields={listCreateFields(collection)}
          guardsLeaving={false}
          onDone={onClose}
          onCreated={(record) => {
            onCreated(record);
            onClose();
          }}
        />
      </div>
    </div>,
    document.body,
  );
}
