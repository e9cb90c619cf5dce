import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';

@ObjectType({ description: 'Actions on one day, with the running total from the first day' })
export class DailyTotal {
  @Field(() => DateScalar)
  date: string;

  @Field(() => Int)
  actions: number;

  @Field(() => Int)
  cumulative: number;
}

@ObjectType()
export class SeriesPoint {
  @Field(() => Int, { description: 'Days since writingStarts (CAMPAIGN_DAY) or since 1 December (CALENDAR_DATE)' })
  day: number;

  @Field(() => DateScalar)
  date: string;

  @Field(() => Int)
  actions: number;

  @Field(() => Int)
  cumulative: number;
}

@ObjectType({ description: "One campaign's daily curve, aligned for comparison with other years" })
export class YearSeries {
  @Field(() => Int)
  year: number;

  @Field(() => Int)
  total: number;

  @Field(() => [SeriesPoint])
  points: SeriesPoint[];
}

/** Actions and reports: the two measures of every total. */
@ObjectType()
abstract class Counts {
  @Field(() => Int)
  actions: number;

  @Field(() => Int)
  reports: number;
}

@ObjectType({ description: 'Actions and reports for one key of a breakdown' })
export class Total extends Counts {
  @Field(() => String, { description: 'A code (country, region, enum value...); "" for "not given"' })
  key: string;

  @Field(() => String, { description: 'The key for people: "Germany", "Local group"' })
  label: string;
}

@ObjectType()
export class CaseTotal extends Counts {
  caseId: number;
}

@ObjectType()
export class GroupTotal extends Counts {
  groupId: number;
}

@ObjectType()
export class GroupTotalEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => GroupTotal)
  node: GroupTotal;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType({ description: 'Groups ranked by actions, then id' })
export class GroupTotalConnection {
  @Field(() => Int, { description: 'Groups matching the filter' })
  totalCount: number;

  @Field(() => [GroupTotalEdge])
  edges: GroupTotalEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
