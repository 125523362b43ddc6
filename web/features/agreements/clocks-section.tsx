import { useTranslation } from 'react-i18next';
import { QueryState } from '../../ui/query-state.tsx';
import type { Agreement } from '../registry/registry.api.ts';
import { useAgreementClocks } from './agreements.api.ts';
import { ClockTable } from './clock-table.tsx';

/** The obligations the law sets on this agreement, computed by the server from its steps. */
export function ClocksSection({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const clocks = useAgreementClocks(agreement.id);
  return (
    <section className="card stack" aria-labelledby="clocks-title" data-testid="agreement-clocks">
      <h2 id="clocks-title">{t('clocks.title')}</h2>
      <QueryState query={clocks}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">{t('clocks.none')}</p>
          ) : (
            <ClockTable clocks={data.items} caption={t('clocks.title')} />
          )
        }
      </QueryState>
    </section>
  );
}
