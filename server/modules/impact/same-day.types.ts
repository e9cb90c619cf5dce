import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { Impact } from './impact.resolver';

@ObjectType({ description: 'The previous campaign by the same campaign day, under the same filter' })
export class SameDayLastYear {
  /** This campaign's figures under the same filter, which `change` compares with these; not a field. */
  current: Impact;

  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: "Days since its writing started of the day compared at: the progress's day, or the filter's `to` when earlier" })
  campaignDay: number;

  @Field(() => DateScalar, {
    description: "The last day its figures count: the same campaign day, or the end of the filter's dates moved back a campaign",
  })
  date: string;

  @Field(() => Impact, { description: 'Its figures up to that day: the same area and types, dates moved back a campaign' })
  figures: Impact;
}

@ObjectType({
  description: 'How much larger each figure of this campaign is than the same figure of the previous one by the same day: 0.08 is 8 % more; null where the previous one had none',
})
export class SameDayChange {
  @Field(() => Float, { nullable: true })
  totalActions: number | null;

  @Field(() => Float, { nullable: true })
  reportCount: number | null;

  @Field(() => Float, { nullable: true })
  groupCount: number | null;

  @Field(() => Float, { nullable: true })
  countryCount: number | null;
}

@ObjectType({ description: "One year's cumulative actions by the day compared, and the base year against it" })
export class SameDayYear {
  @Field(() => Int)
  year: number;

  @Field(() => DateScalar, { nullable: true, description: "That year's date on the day; null for a year with no reports at all" })
  date: string | null;

  @Field(() => Int, { nullable: true, description: 'Cumulative actions by the day; null for a year with no reports at all' })
  actions: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '(base − this) / this: 0.08 means the base year is 8 % ahead of this one; null for the base itself or when this one had none',
  })
  baseVsThis: number | null;
}

@ObjectType({ description: 'Years side by side at one day (campaign day or calendar date, as aligned)' })
export class SameDayComparison {
  @Field(() => Int)
  baseYear: number;

  @Field(() => Int, { nullable: true, description: 'The day compared: the one asked, else the base year\'s last day with data; null when it has none' })
  day: number | null;

  @Field(() => [SameDayYear], { description: 'Every year asked and the base year, newest first; none without a day' })
  years: SameDayYear[];
}
