import { ArrayMaxSize } from 'class-validator';
import { Arg, Ctx, FieldResolver, Int, ObjectType, Field, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ImpactFilter } from './impact-filter.input';
import { ImpactService, type Alignment as AlignmentValue, type Totals } from './impact.service';
import { DailyTotal, YearSeries } from './impact.types';

enum Alignment {
  CAMPAIGN_DAY = 'CAMPAIGN_DAY',
  CALENDAR_DATE = 'CALENDAR_DATE',
}
registerEnumType(Alignment, {
  name: 'Alignment',
  description: 'CAMPAIGN_DAY: days since writingStarts; CALENDAR_DATE: the same month and day',
});

/** The figures for one filter. Each field is computed only when asked for. */
@ObjectType()
export class Impact {
  constructor(readonly filter: ImpactFilter) {}

  /** Shared by the four total fields so they cost one query. */
  totals?: Promise<Totals>;
}

@Resolver(() => Impact)
export class ImpactResolver {
  @Query(() => Impact)
  impact(@Arg('filter', () => ImpactFilter) filter: ImpactFilter): Impact {
    return new Impact(filter);
  }

  @Query(() => [YearSeries])
  yearComparison(
    @Arg('years', () => [Int]) years: number[],
    @Arg('filter', () => ImpactFilter, { nullable: true }) filter: ImpactFilter | null,
    @Arg('align', () => Alignment, { defaultValue: Alignment.CAMPAIGN_DAY }) align: AlignmentValue,
    @Ctx() { dataSource }: Context,
  ): Promise<YearSeries[]> {
    return new ImpactService(dataSource).yearComparison([...new Set(years)].slice(0, 50), filter ?? {}, align);
  }

  @FieldResolver(() => Int)
  async totalActions(@Root() impact: Impact, @Ctx() ctx: Context): Promise<number> {
    return (await totalsOf(impact, ctx)).totalActions;
  }

  @FieldResolver(() => Int)
  async reportCount(@Root() impact: Impact, @Ctx() ctx: Context): Promise<number> {
    return (await totalsOf(impact, ctx)).reportCount;
  }

  @FieldResolver(() => Int, { description: 'Distinct groups that reported' })
  async groupCount(@Root() impact: Impact, @Ctx() ctx: Context): Promise<number> {
    return (await totalsOf(impact, ctx)).groupCount;
  }

  @FieldResolver(() => Int, { description: "Distinct writers' countries" })
  async countryCount(@Root() impact: Impact, @Ctx() ctx: Context): Promise<number> {
    return (await totalsOf(impact, ctx)).countryCount;
  }

  @FieldResolver(() => [DailyTotal], { description: 'Every day from the first to the last report, with a running total' })
  daily(@Root() impact: Impact, @Ctx() { dataSource }: Context): Promise<DailyTotal[]> {
    return new ImpactService(dataSource).daily(impact.filter);
  }
}

function totalsOf(impact: Impact, { dataSource }: Context): Promise<Totals> {
  impact.totals ??= new ImpactService(dataSource).totals(impact.filter);
  return impact.totals;
}
