import { Max, Min } from 'class-validator';
import { Arg, ArgsType, Args, Authorized, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Case } from '../campaigns/case.entity';
import { Group } from '../groups/group.entity';
import { ImpactFilter } from './impact-filter.input';
import { type Alignment as AlignmentValue, type BreakdownColumn, type KeyTotal, type Totals } from './impact.service';
import { CaseTotal, DailyTotal, GroupTotal, GroupTotalConnection, Total, YearSeries } from './impact.types';
import { labelOf } from './labels';

export enum Alignment {
  CAMPAIGN_DAY = 'CAMPAIGN_DAY',
  CALENDAR_DATE = 'CALENDAR_DATE',
}
registerEnumType(Alignment, {
  name: 'Alignment',
  description: 'CAMPAIGN_DAY: days since writingStarts; CALENDAR_DATE: the same month and day (days since 1 December)',
});

/** The figures for one filter. Each field is computed only when asked for. */
@ObjectType()
export class Impact {
  constructor(readonly filter: ImpactFilter) {}

  /** Shared by totalActions and reportCount so they cost one query. */
  totals?: Promise<Totals>;
}

@ArgsType()
class TopGroupsArgs {
  @Field(() => Int, { defaultValue: 20, description: 'At most 100' })
  @Min(1)
  @Max(100)
  first: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

/** The most years one comparison takes. */
export const MAX_YEARS = 30;

@Resolver(() => Impact)
export class ImpactResolver {
  @Authorized()
  @Query(() => Impact)
  impact(@Arg('filter', () => ImpactFilter) filter: ImpactFilter): Impact {
    return new Impact(filter);
  }

  @Authorized()
  @Query(() => [YearSeries], { description: 'One daily series per year, aligned for comparison (at most 30 years)' })
  yearComparison(
    @Arg('years', () => [Int]) years: number[],
    @Arg('filter', () => ImpactFilter, { nullable: true }) filter: ImpactFilter | null,
    // nullable as design §5 writes it (`align: Alignment = CAMPAIGN_DAY`): an explicit null is the default
    @Arg('align', () => Alignment, { nullable: true, defaultValue: Alignment.CAMPAIGN_DAY }) align: AlignmentValue | null,
    @Ctx() { impact }: Context,
  ): Promise<YearSeries[]> {
    return impact.yearComparison([...new Set(years)].slice(0, MAX_YEARS), filter ?? {}, align ?? Alignment.CAMPAIGN_DAY);
  }

  @FieldResolver(() => Int)
  async totalActions(@Root() root: Impact, @Ctx() ctx: Context): Promise<number> {
    return (await totalsOf(root, ctx)).totalActions;
  }

  @FieldResolver(() => Int)
  async reportCount(@Root() root: Impact, @Ctx() ctx: Context): Promise<number> {
    return (await totalsOf(root, ctx)).reportCount;
  }

  @FieldResolver(() => Int, { description: 'Distinct groups that reported' })
  groupCount(@Root() root: Impact, @Ctx() { impact }: Context): Promise<number> {
    return impact.distinctCount(root.filter, 'group_id');
  }

  @FieldResolver(() => Int, { description: "Distinct writers' countries" })
  countryCount(@Root() root: Impact, @Ctx() { impact }: Context): Promise<number> {
    return impact.distinctCount(root.filter, 'country');
  }

  @FieldResolver(() => [CaseTotal])
  async byCase(@Root() root: Impact, @Ctx() { impact }: Context): Promise<CaseTotal[]> {
    const rows = await impact.breakdown(root.filter, 'case_id');
    return rows.map((r) => Object.assign(new CaseTotal(), { caseId: Number(r.key), actions: r.actions, reports: r.reports }));
  }

  @FieldResolver(() => [Total], { description: "By writers' country" })
  byCountry(@Root() root: Impact, @Ctx() ctx: Context): Promise<Total[]> {
    return breakdown(root, ctx, 'country');
  }

  @FieldResolver(() => [Total], { description: 'By the country of the case' })
  async byCaseCountry(@Root() root: Impact, @Ctx() { impact }: Context): Promise<Total[]> {
    return labelled(await impact.byCaseCountry(root.filter), labelOf.country);
  }

  @FieldResolver(() => [Total])
  byRegion(@Root() root: Impact, @Ctx() ctx: Context): Promise<Total[]> {
    return breakdown(root, ctx, 'region');
  }

  @FieldResolver(() => [Total], { description: 'By ISO 3166-2 subdivision; key "" for reports without one' })
  bySubdivision(@Root() root: Impact, @Ctx() ctx: Context): Promise<Total[]> {
    return breakdown(root, ctx, 'subdivision');
  }

  @FieldResolver(() => [Total])
  byActionType(@Root() root: Impact, @Ctx() ctx: Context): Promise<Total[]> {
    return breakdown(root, ctx, 'action_type');
  }

  @FieldResolver(() => [Total], { description: 'By group type; INDIVIDUAL includes reports without a group' })
  byGroupType(@Root() root: Impact, @Ctx() ctx: Context): Promise<Total[]> {
    return breakdown(root, ctx, 'group_type');
  }

  @FieldResolver(() => GroupTotalConnection)
  async topGroups(@Root() root: Impact, @Args(() => TopGroupsArgs) { first, after }: TopGroupsArgs, @Ctx() { impact }: Context): Promise<GroupTotalConnection> {
    const page = await impact.topGroups(root.filter, first, after ?? null);
    return {
      totalCount: page.totalCount,
      edges: page.rows.map((r) => ({
        cursor: r.cursor,
        node: Object.assign(new GroupTotal(), { groupId: r.groupId, actions: r.actions, reports: r.reports }),
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.cursor ?? null },
    };
  }

  @FieldResolver(() => Int, { description: 'Bumped by every write that changes a figure' })
  async dataVersion(@Ctx() ctx: Context): Promise<number> {
    return (await ctx.freshness()).dataVersion;
  }

  @FieldResolver(() => Date, { description: 'When these figures were read' })
  async asOf(@Ctx() ctx: Context): Promise<Date> {
    return (await ctx.freshness()).asOf;
  }

  @FieldResolver(() => [DailyTotal], { description: 'Every day from the first to the last report, with a running total' })
  daily(@Root() root: Impact, @Ctx() { impact }: Context): Promise<DailyTotal[]> {
    return impact.daily(root.filter);
  }
}

@Resolver(() => CaseTotal)
export class CaseTotalResolver {
  @FieldResolver(() => Case, { name: 'case' })
  async caseOf(@Root() total: CaseTotal, @Ctx() { loaders }: Context): Promise<Case> {
    return (await loaders.caseById.load(total.caseId))!;
  }
}

@Resolver(() => GroupTotal)
export class GroupTotalResolver {
  @FieldResolver(() => Group)
  async group(@Root() total: GroupTotal, @Ctx() { loaders }: Context): Promise<Group> {
    return (await loaders.groupById.load(total.groupId))!;
  }
}

/** An Impact's actions and reports, read once however many fields ask. */
export function totalsOf(root: Impact, { impact }: Context): Promise<Totals> {
  root.totals ??= impact.totals(root.filter);
  return root.totals;
}

async function breakdown(root: Impact, { impact }: Context, column: Exclude<BreakdownColumn, 'case_id'>): Promise<Total[]> {
  return labelled(await impact.breakdown(root.filter, column), labelOf[column]);
}

function labelled(rows: KeyTotal[], label: (key: string) => string): Total[] {
  return rows.map((r) => ({ ...r, label: label(r.key) }));
}
