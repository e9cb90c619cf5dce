import { z } from 'zod';
import { isIsoDate } from '../../common/dates';
import { isCountryCode } from '../../common/iso-codes';
import { parseEnumText } from '../../common/enum-text';
import { CASE_THEMES, OUTCOME_ALIASES, OUTCOME_KINDS } from './campaign.enums';

/**
 * The campaign definition format that `seeds/` uses and `npm run campaigns -- load` reads:
 * an array of campaigns, each with its cases and their dated outcomes.
 */
const isoDate = z.string().refine(isIsoDate, 'must be a date written YYYY-MM-DD');

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const enumText = <T extends string>(values: readonly T[], aliases: Record<string, T> = {}) =>
  z.string().transform((raw, ctx) => {
    const value = parseEnumText(values, raw, aliases);
    if (!value) ctx.addIssue({ code: 'custom', message: `must be one of ${values.join(', ')}; got "${raw}"` });
    return value as T;
  });

const outcomeSchema = z.strictObject({
  date: isoDate,
  kind: enumText(OUTCOME_KINDS, OUTCOME_ALIASES),
  note: z.string().max(2000).default(''),
});

const caseSchema = z.strictObject({
  slug: z
    .string()
    .max(80)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters and digits joined by hyphens'),
  name: z.string().trim().min(1).max(200),
  country: z.string().refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code such as "IR"'),
  theme: enumText(CASE_THEMES),
  summary: z.string().max(5000).default(''),
  target: z.string().max(500).nullish(),
  outcomes: z.array(outcomeSchema).default([]),
});

const campaignSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    name: z.string().trim().min(1).max(200),
    writingStarts: isoDate,
    writingEnds: isoDate,
    reportingDeadline: isoDate,
    goal: z.number().int().positive().nullish(),
    timezone: z.string().refine(isTimeZone, 'must be an IANA time zone such as "Europe/London"'),
    publishedGlobalTotal: z.number().int().positive().nullish(),
    cases: z.array(caseSchema).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.writingStarts > c.writingEnds) ctx.addIssue({ code: 'custom', path: ['writingEnds'], message: 'must not be before writingStarts' });
    if (c.writingEnds > c.reportingDeadline) ctx.addIssue({ code: 'custom', path: ['reportingDeadline'], message: 'must not be before writingEnds' });
    const seen = new Set<string>();
    c.cases.forEach((k, i) => {
      if (seen.has(k.slug)) ctx.addIssue({ code: 'custom', path: ['cases', i, 'slug'], message: `"${k.slug}" appears twice in ${c.year}` });
      seen.add(k.slug);
    });
  });

export const campaignFileSchema = z.array(campaignSchema);
export type CampaignDefinition = z.infer<typeof campaignSchema>;

export class CampaignFileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n  ${problems.join('\n  ')}`);
  }
}

/** Parses and validates a campaign file's text; errors name the field, e.g. `[2].cases[0].country`. */
export function parseCampaignFile(text: string, source: string): CampaignDefinition[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CampaignFileError(source, [`not valid JSON: ${(error as Error).message}`]);
  }
  const result = campaignFileSchema.safeParse(json);
  if (result.success) {
    const years = result.data.map((c) => c.year);
    const repeated = years.find((y, i) => years.indexOf(y) !== i);
    if (repeated !== undefined) throw new CampaignFileError(source, [`year ${repeated} is defined twice`]);
    return result.data;
  }
  throw new CampaignFileError(
    source,
    result.error.issues.slice(0, 50).map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
  );
}

function formatPath(path: PropertyKey[]): string {
  const text = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return text.startsWith('.') ? text.slice(1) : text || '(file)';
}
