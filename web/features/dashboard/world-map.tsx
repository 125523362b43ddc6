import { type GeoPermissibleObjects, geoNaturalEarth1, geoPath } from 'd3-geo';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// Natural Earth 1:110m boundaries shipped with the app as a hashed asset, fetched only when a
// map is drawn: no tiles and no request beyond our own server.
import atlasUrl from 'world-atlas/countries-110m.json?url';
import type { DashboardPartner } from '../../../common/contracts/dashboard.ts';
import { pickLocalised } from '../../i18n/i18n.ts';

type Shape = { id: string; name: string; d: string };

const width = 960;
const height = 480;

/** Activity in five steps, so the shades stay few enough to tell apart (and for the legend). */
export function activityStep(activity: number, most: number): number {
  if (activity <= 0 || most <= 0) return 0;
  return Math.max(1, Math.ceil((activity / most) * 4));
}

async function loadShapes(): Promise<Shape[]> {
  const response = await fetch(atlasUrl);
  if (!response.ok) throw new Error(`map data: HTTP ${response.status}`);
  const topology = (await response.json()) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(topology, topology.objects.countries);
  const projection = geoNaturalEarth1().fitSize([width, height], { type: 'Sphere' } as GeoPermissibleObjects);
  const path = geoPath(projection);
  return countries.features.map((country) => ({
    id: String(country.id ?? ''),
    name: country.properties?.name ?? '',
    d: path(country) ?? '',
  }));
}

let shapesOnce: Promise<Shape[]> | undefined;

/** The world with each partner country shaded by its activity; a partner's shape is a link. */
export function WorldMap({
  partners,
  hrefOf,
}: {
  partners: DashboardPartner[];
  hrefOf: (partner: DashboardPartner) => string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [shapes, setShapes] = useState<Shape[] | null>(null);
  const [hasFailed, setHasFailed] = useState(false);
  useEffect(() => {
    let isCurrent = true;
    shapesOnce ??= loadShapes();
    shapesOnce.then(
      (loaded) => isCurrent && setShapes(loaded),
      () => {
        shapesOnce = undefined;
        if (isCurrent) setHasFailed(true);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, []);

  const byNumeric = useMemo(
    () => new Map(partners.filter((p) => p.numericCode).map((p) => [p.numericCode as string, p])),
    [partners],
  );
  const most = Math.max(0, ...partners.map((p) => p.agreementsInForce + p.recentEvents));

  if (hasFailed)
    return (
      <p className="notice notice-error" role="alert">
        {t('dashboard.mapFailed')}
      </p>
    );
  if (!shapes)
    return (
      <p className="muted" role="status">
        {t('app.loading')}
      </p>
    );
  return (
    <svg
      className="world-map"
      viewBox={`0 0 ${width} ${height}`}
      aria-label={t('dashboard.mapLabel')}
      data-testid="world-map"
    >
      <g className="countries">
        {shapes
          .filter((shape) => !byNumeric.has(shape.id))
          .map((shape, index) => (
            <path key={shape.id || `shape-${index}`} d={shape.d} className="country" />
          ))}
      </g>
      {shapes.map((shape) => {
        const partner = byNumeric.get(shape.id);
        if (!partner) return null;
        const activity = partner.agreementsInForce + partner.recentEvents;
        const name = pickLocalised(partner.nameVi, partner.nameEn);
        const href = hrefOf(partner);
        return (
          <a
            key={shape.id}
            href={href}
            aria-label={t('dashboard.mapCountry', {
              name,
              agreements: partner.agreementsInForce,
              events: partner.recentEvents,
            })}
            onClick={(event) => {
              event.preventDefault();
              navigate(href);
            }}
          >
            <title>{name}</title>
            <path
              d={shape.d}
              className={`country is-partner activity-${activityStep(activity, most)}`}
              data-code={partner.code}
            />
          </a>
        );
      })}
    </svg>
  );
}
