import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../i18n/format.ts';
import { pickLocalised } from '../../i18n/i18n.ts';
import type { DashboardCell, DashboardFigures } from './dashboard.api.ts';

/** Shade of a cell in five steps of its total beside the busiest cell (classes heat-0…heat-4). */
function heatStep(total: number, most: number): number {
  if (total <= 0 || most <= 0) return 0;
  return Math.max(1, Math.ceil((total / most) * 4));
}

const cellTotal = (cell: DashboardCell) => cell.agreements + cell.events + (cell.openCommitments ?? 0);

/** Area × partner heat map. In the workspace each count opens the registry list behind it (the
 * list filtered by the partner and the area); in the portal the counts are plain figures. */
export function DashboardMatrix({
  matrix,
  isPublic,
}: {
  matrix: DashboardFigures['matrix'];
  isPublic: boolean;
}) {
  const { t } = useTranslation();
  if (matrix.cells.length === 0) return <p className="muted">{t('app.empty')}</p>;
  const cells = new Map(matrix.cells.map((cell) => [`${cell.areaId}|${cell.partnerId}`, cell]));
  const most = Math.max(...matrix.cells.map(cellTotal));
  const measures: Array<{ key: 'agreements' | 'events' | 'openCommitments'; list: string; label: string }> = [
    { key: 'agreements', list: 'agreements', label: t('dashboard.matrixAgreements') },
    { key: 'events', list: 'events', label: t('dashboard.matrixEvents') },
  ];
  if (!isPublic)
    measures.push({ key: 'openCommitments', list: 'commitments', label: t('dashboard.matrixCommitments') });
  return (
    <>
      <p className="muted">
        {t('dashboard.matrixLegend', { measures: measures.map((m) => m.label).join(' · ') })}
      </p>
      <div className="table-scroll">
        <table className="heat-matrix" data-testid="matrix">
          <caption className="visually-hidden">{t('dashboard.matrixTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.area')}</th>
              {matrix.partners.map((partner) => (
                <th key={partner.id} scope="col">
                  {isPublic ? (
                    <Link to={`/partners/${partner.code}`}>
                      {pickLocalised(partner.nameVi, partner.nameEn)}
                    </Link>
                  ) : (
                    <Link to={`/app/partners/${partner.id}`}>
                      {pickLocalised(partner.nameVi, partner.nameEn)}
                    </Link>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.areas.map((area) => {
              const areaName = pickLocalised(area.labelVi, area.labelEn);
              return (
                <tr key={area.id}>
                  <th scope="row">
                    {isPublic ? areaName : <Link to={`/app/areas/${area.id}`}>{areaName}</Link>}
                  </th>
                  {matrix.partners.map((partner) => {
                    const cell = cells.get(`${area.id}|${partner.id}`);
                    const partnerName = pickLocalised(partner.nameVi, partner.nameEn);
                    const total = cell ? cellTotal(cell) : 0;
                    return (
                      <td
                        key={partner.id}
                        className={`heat-${heatStep(total, most)}`}
                        data-cell={`${area.id}:${partner.code}`}
                      >
                        {cell && total > 0 ? (
                          <span className="heat-counts">
                            {measures.map((measure, index) => {
                              const value = cell[measure.key] ?? 0;
                              const label = t('dashboard.cellLabel', {
                                count: value,
                                measure: measure.label,
                                area: areaName,
                                partner: partnerName,
                              });
                              return (
                                <span key={measure.key}>
                                  {index > 0 && <span aria-hidden="true"> · </span>}
                                  {isPublic || value === 0 ? (
                                    <span data-measure={measure.key}>
                                      {formatNumber(value)}
                                      <span className="visually-hidden"> {measure.label}</span>
                                    </span>
                                  ) : (
                                    <Link
                                      to={`/app/${measure.list}?partnerId=${partner.id}&areaId=${area.id}`}
                                      aria-label={label}
                                      data-measure={measure.key}
                                    >
                                      {formatNumber(value)}
                                    </Link>
                                  )}
                                </span>
                              );
                            })}
                          </span>
                        ) : (
                          <span className="muted">
                            <span aria-hidden="true">–</span>
                            <span className="visually-hidden">{t('dashboard.cellEmpty')}</span>
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
