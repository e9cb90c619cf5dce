import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ImpactFilter } from './impact-filter.input';
import { Alignment, MAX_YEARS, totalsOf, type Impact } from './impact.resolver';
import type { Alignment as AlignmentValue } from './impact.service';
import { lastDayWithData, relativeChange, sameDayRows } from './same-day';
import { SameDayChange, SameDayComparison, SameDayLastYear } from './same-day.types';

@Resolver(() => SameDayLastYear)
export class SameDayLastYearResolver {
  @FieldResolver(() => SameDayChange, { description: "This campaign's figures under the same filter against these: the overview headline's percentages" })
  async change(@Root() lastYear: SameDayLastYear, @Ctx() ctx: Context): Promise<SameDayChange> {
    const [now, before] = await Promise.all([counts(lastYear.current, ctx), counts(lastYear.figures, ctx)]);
    return {
      totalActions: relativeChange(now.totalActions, before.totalActions),
      reportCount: relativeChange(now.reportCount, before.reportCount),
      groupCount: relativeChange(now.groupCount, before.groupCount),
      countryCount: relativeChange(now.countryCount, before.countryCount),
    };
  }
}

@Resolver(() => SameDayComparison)
export class SameDayComparisonResolver {
  @Authorized()
  @Query(() => SameDayComparison, {
    description:
      'Years side by side at one day under the filter, and the base year against each: the trends page\'s same-day table and the ' +
      "overview chart's comparison (at most 30 years)",
  })
  async sameDayComparison(
    @Arg('baseYear', () => Int) baseYear: number,
    @Arg('years', () => [Int], { description: 'The years to compare the base year with' }) years: number[],
    @Arg('day', () => Int, { nullable: true, description: "The day to compare at; by default the base year's last day with data" }) day: number | null,
    @Arg('filter', () => ImpactFilter, { nullable: true }) filter: ImpactFilter | null,
    @Arg('align', () => Alignment, { nullable: true, defaultValue: Alignment.CAMPAIGN_DAY }) align: AlignmentValue | null,
    @Ctx() { impact }: Context,
  ): Promise<SameDayComparison> {
    const series = await impact.yearComparison([...new Set([baseYear, ...years])].slice(0, MAX_YEARS), filter ?? {}, align ?? Alignment.CAMPAIGN_DAY);
    const at = day ?? lastDayWithData(series.find((s) => s.year === baseYear)?.points ?? []);
    return { baseYear, day: at, years: at === null ? [] : sameDayRows(series, baseYear, at) };
  }
}

/** The four counters of the overview's headline, as the Impact fields of the same names give them. */
async function counts(figures: Impact, ctx: Context) {
  const [totals, groupCount, countryCount] = await Promise.all([
    totalsOf(figures, ctx),
    ctx.impact.distinctCount(figures.filter, 'group_id'),
    ctx.impact.distinctCount(figures.filter, 'country'),
  ]);
  return { ...totals, groupCount, countryCount };
}
