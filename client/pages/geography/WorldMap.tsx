import { geoPath } from 'd3-geo';
import { useMemo } from 'react';
import { NO_DATA, SEQUENTIAL } from '../../charts/palette';
import { countryName, formatCount, formatList } from '../../format';
import { useMessages } from '../../i18n/use-messages';
import { COUNTRY_SHAPES } from './atlas';
import { classBreaks, classOf, type ShadeClass } from './class-breaks';
import type { AreaTotal } from './drill-down';
import { MAP_WIDTH, mapLayout } from './map-layout';
import { geographyMessages } from './messages';
import { useDrill } from './use-drill';

// Borders as SVG attributes rather than CSS, so that the PNG export (which copies the SVG) keeps
// them; they stay hairlines however far the map is scaled. Hover and focus restyle them in CSS.
const BORDER = { stroke: '#b9b9b9', strokeWidth: 0.6, vectorEffect: 'non-scaling-stroke' } as const;
const SELECTED_BORDER = { ...BORDER, stroke: '#111', strokeWidth: 2.5 } as const;

interface WorldMapProps {
  /** Actions per writers' country (alpha-2 keys), for the countries in view. */
  totals: readonly AreaTotal[];
  /** The chosen country, outlined. */
  selected: string | null;
  /** Zoom in on the shaded countries (one region) rather than show the whole world. */
  zoomed: boolean;
}

/**
 * The world's countries shaded by actions, in quantile classes with a legend. Each shaded country is
 * a link (keyboard and pointer) that drills down to it; its label carries the figure.
 */
export function WorldMap({ totals, selected, zoomed }: WorldMapProps) {
  const { t } = useMessages('geography', geographyMessages);
  const { href, follow } = useDrill();
  const actionsOf = useMemo(() => new Map(totals.map((row) => [row.key, row.actions])), [totals]);
  const classes = useMemo(() => classBreaks(totals.map((row) => row.actions), SEQUENTIAL), [totals]);
  const shaded = COUNTRY_SHAPES.filter((shape) => shape.code && (actionsOf.get(shape.code) ?? 0) > 0);

  // The projection changes only when the zoomed-on set of countries does (focusKey names it), not
  // with every figure of a live update.
  const focusKey = zoomed ? shaded.map((shape) => shape.code).join() : '';
  const { paths, height } = useMemo(() => {
    const layout = mapLayout(COUNTRY_SHAPES, zoomed ? shaded : null);
    const draw = geoPath(layout.projection);
    return { paths: new Map(COUNTRY_SHAPES.map((shape) => [shape.feature, draw(shape.feature) ?? ''])), height: layout.height };
  }, [focusKey]);

  const blank = COUNTRY_SHAPES.filter((shape) => !shaded.includes(shape));
  // The chosen country last, so its outline is drawn over its neighbours'.
  const ordered = [...shaded].sort((a, b) => Number(a.code === selected) - Number(b.code === selected));
  const drawn = new Set(shaded.map((shape) => shape.code));
  const notDrawn = totals.filter((row) => row.actions > 0 && !drawn.has(row.key)).map((row) => countryName(row.key));

  return (
    <div className="geo-map">
      <svg viewBox={`0 0 ${MAP_WIDTH} ${height}`} role="group" aria-label={t('map.label')}>
        <g aria-hidden="true">
          {blank.map((shape, index) => (
            <path key={shape.code ?? `uncoded-${index}`} d={paths.get(shape.feature)} fill={NO_DATA} {...BORDER} />
          ))}
        </g>
        {ordered.map((shape) => {
          const code = shape.code!;
          const actions = actionsOf.get(code) ?? 0;
          const label = t('map.country', { count: actions, country: countryName(code), actions: formatCount(actions) });
          const change = { country: code };
          return (
            <a
              key={code}
              href={href(change)}
              onClick={(event) => follow(event, change)}
              aria-label={label}
              aria-current={code === selected ? 'true' : undefined}
              className="geo-map__link"
            >
              <title>{label}</title>
              <path
                d={paths.get(shape.feature)}
                fill={classOf(actions, classes)?.colour ?? NO_DATA}
                {...(code === selected ? SELECTED_BORDER : BORDER)}
                className="geo-map__country"
              />
            </a>
          );
        })}
      </svg>
      <Legend classes={classes} />
      {notDrawn.length > 0 ? <p className="geo-map__note">{t('map.notDrawn', { countries: formatList(notDrawn) })}</p> : null}
    </div>
  );
}

function Legend({ classes }: { classes: readonly ShadeClass[] }) {
  const { t } = useMessages('geography', geographyMessages);
  const range = ({ min, max }: ShadeClass) => (min === max ? formatCount(min) : `${formatCount(min)}–${formatCount(max)}`);
  return (
    <div className="geo-legend">
      <p className="geo-legend__title" id="geo-legend-title">
        {t('map.legend')}
      </p>
      <ul aria-labelledby="geo-legend-title">
        {classes.map((shade) => (
          <li key={shade.min}>
            <span className="geo-legend__swatch" style={{ background: shade.colour }} aria-hidden="true" />
            {range(shade)}
          </li>
        ))}
        <li>
          <span className="geo-legend__swatch" style={{ background: NO_DATA }} aria-hidden="true" />
          {t('map.noReports')}
        </li>
      </ul>
    </div>
  );
}
