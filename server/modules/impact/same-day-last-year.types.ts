import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { Impact } from './impact.resolver';

@ObjectType({ description: 'The previous campaign by the same campaign day, under the same filter' })
export class SameDayLastYear {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: 'Days since its writing started: the day the campaign compared stands at' })
  campaignDay: number;

  @Field(() => DateScalar, {
    description: "The last day its figures count: the same campaign day, or the end of the filter's dates moved back a campaign",
  })
  date: string;

  @Field(() => Impact, { description: 'Its figures up to that day: the same area and types, dates moved back a campaign' })
  figures: Impact;
}
