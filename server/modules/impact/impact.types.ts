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
