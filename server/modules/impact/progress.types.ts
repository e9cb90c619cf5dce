import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import type { Campaign } from '../campaigns/campaign.entity';
import type { ImpactFilter } from './impact-filter.input';

@ObjectType({ description: 'Projected final total, from the shape of past campaigns at the same campaign day' })
export class ForecastRange {
  @Field(() => Int)
  expected: number;

  @Field(() => Int)
  low: number;

  @Field(() => Int)
  high: number;

  @Field(() => [Int], { description: 'Past campaigns the projection rests on (none once the campaign is over)' })
  basedOnYears: number[];
}

@ObjectType({ description: 'Where a campaign stands: against its goal, against last year at the same day, and where it is heading' })
export class CampaignProgress {
  /** The campaign it is of, and the filter it was asked with (for the comparison with last year); not fields. */
  campaign: Campaign;
  filter: ImpactFilter;

  @Field(() => DateScalar, { description: "The day the figures stand at, in the campaign's time zone" })
  asOf: string;

  @Field(() => Int, { description: 'Days since writing started' })
  campaignDay: number;

  @Field(() => Boolean, { description: 'The reporting deadline has passed: the figures are final' })
  final: boolean;

  @Field(() => Int)
  totalActions: number;

  @Field(() => Int, { nullable: true })
  goal: number | null;

  @Field(() => Float, { nullable: true, description: 'totalActions / goal' })
  goalShare: number | null;

  @Field(() => Int, { nullable: true, description: 'The previous campaign' })
  lastYear: number | null;

  @Field(() => Int, { nullable: true, description: 'Final total of the previous campaign' })
  lastYearFinal: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of their final total that past campaigns had reached by this day' })
  expectedShareByNow: number | null;

  @Field(() => ForecastRange, { nullable: true, description: 'Null when no past campaign is far enough along to project from' })
  forecast: ForecastRange | null;

  @Field(() => Boolean, { nullable: true, description: 'The expected final total reaches the goal' })
  onPaceForGoal: boolean | null;
}
