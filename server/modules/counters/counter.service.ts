import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { isCountryCode } from '../../common/iso-codes';
import { badInput } from '../../graphql/errors-user';
import { audit } from '../audit/audit';
import { bumpDataVersion } from '../../data-version';
import { COUNTER_FIGURES, COUNTER_LANGUAGES, type CounterInput, type CounterLanguage, PublicCounter } from './counter.types';

export interface CounterRow {
  slug: string;
  year: number;
  region: string | null;
  country: string | null;
  shows: PublicCounter['shows'];
  title: string;
  language: CounterLanguage;
  suppress_below: number;
  paused: boolean;
  created_at: Date;
}

export function toCounter(row: CounterRow): PublicCounter {
  return Object.assign(new PublicCounter(), {
    slug: row.slug,
    year: row.year,
    region: row.region,
    country: row.country,
    shows: row.shows,
    title: row.title,
    language: row.language,
    suppressBelow: row.suppress_below,
    paused: row.paused,
    createdAt: row.created_at,
  });
}

const SLUG_LETTERS = 'abcdefghijkmnpqrstuvwxyz23456789';
/** Ten letters and digits (no look-alikes): unguessable enough that unlisted counters stay unlisted. */
const newSlug = () => Array.from({ length: 10 }, () => SLUG_LETTERS[randomInt(SLUG_LETTERS.length)]).join('');

function checked(input: CounterInput): Omit<CounterRow, 'slug' | 'paused' | 'created_at'> {
  const title = input.title.trim();
  if (!title || title.length > 120) throw badInput('title must be 1 to 120 characters', { title: 'length' });
  if (!COUNTER_LANGUAGES.includes(input.language as CounterLanguage)) {
    throw badInput(`language must be one of ${COUNTER_LANGUAGES.join(', ')}`, { language: 'unknown' });
  }
  const shows = [...new Set(input.shows)];
  if (!shows.length) throw badInput('shows must name at least one figure', { shows: 'empty' });
  const region = input.region?.trim() || null;
  const country = input.country?.trim().toUpperCase() || null;
  if (country && !isCountryCode(country)) throw badInput(`country "${country}" is not an ISO 3166-1 alpha-2 code`, { country: 'unknown' });
  const suppressBelow = input.suppressBelow ?? 100;
  if (suppressBelow < 10 || suppressBelow > 1000) throw badInput('suppressBelow must be from 10 to 1,000', { suppressBelow: 'range' });
  return {
    year: input.year,
    region,
    country,
    shows: COUNTER_FIGURES.filter((f) => shows.includes(f)),
    title,
    language: input.language as CounterLanguage,
    suppress_below: suppressBelow,
  };
}

export async function createCounter(db: DataSource, input: CounterInput, userId: number): Promise<CounterRow> {
  const c = checked(input);
  return db.transaction(async (m) => {
    const [campaign] = await m.query(`SELECT 1 FROM campaign WHERE year = $1`, [c.year]);
    if (!campaign) throw badInput(`there is no campaign ${c.year}`, { year: 'unknown' });
    const [row] = await m.query(
      `INSERT INTO public_counter (slug, year, region, country, shows, title, language, suppress_below, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [newSlug(), c.year, c.region, c.country, c.shows, c.title, c.language, c.suppress_below, userId],
    );
    await audit(m, userId, 'counter.create', row.slug, { ...c });
    await bumpDataVersion(m); // cached answers (the counters list) are keyed by the data version
    return row;
  });
}

export async function listCounters(db: DataSource): Promise<CounterRow[]> {
  return db.query(`SELECT * FROM public_counter ORDER BY created_at DESC, slug`);
}

export async function setCounterPaused(db: DataSource, slug: string, paused: boolean, userId: number): Promise<CounterRow> {
  return db.transaction(async (m) => {
    const [rows] = await m.query(`UPDATE public_counter SET paused = $2 WHERE slug = $1 RETURNING *`, [slug, paused]);
    if (!rows?.length) throw badInput(`there is no counter "${slug}"`, { slug: 'unknown' });
    await audit(m, userId, paused ? 'counter.pause' : 'counter.resume', slug);
    await bumpDataVersion(m);
    return rows[0];
  });
}

export async function removeCounter(db: DataSource, slug: string, userId: number): Promise<void> {
  await db.transaction(async (m) => {
    const [, count] = await m.query(`DELETE FROM public_counter WHERE slug = $1`, [slug]);
    if (!count) throw badInput(`there is no counter "${slug}"`, { slug: 'unknown' });
    await audit(m, userId, 'counter.remove', slug);
    await bumpDataVersion(m);
  });
}
