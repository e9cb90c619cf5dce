import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ImpactFilter } from './impact-filter.input';
import { Alignment, MAX_YEARS } from './impact.resolver';
import type { Alignment as AlignmentValue } from './impact.service';
import { lastDayWithData, sameDayRows } from './same-day';
import { SameDayComparison } from './same-day.types';

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
    @Arg('align', () => Alignment, { defaultValue: Alignment.CAMPAIGN_DAY }) align: AlignmentValue,
    @Ctx() { impact }: Context,
  ): Promise<SameDayComparison> {
    const series = await impact.yearComparison([...new Set([baseYear, ...years])].slice(0, MAX_YEARS), filter ?? {}, align);
    const at = day ?? lastDayWithData(series.find((s) => s.year === baseYear)?.points ?? []);
    return { baseYear, day: at, years: at === null ? [] : sameDayRows(series, baseYear, at) };
  }
}
