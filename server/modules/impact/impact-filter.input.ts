import { ArrayMaxSize } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { GroupType } from '../groups/group.enums';
import { ActionType } from '../reports/report.enums';

const MAX_LIST = 500;

@InputType({
  description:
    'Every field is optional; a list matches any of its values; fields combine with AND; an empty list matches nothing. ' +
    "from/to are inclusive, on the day of the report in the campaign's time zone.",
})
export class ImpactFilter {
  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => [ID], { nullable: true })
  @ArrayMaxSize(MAX_LIST)
  caseIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Countries of the cases (ISO alpha-2)' })
  @ArrayMaxSize(MAX_LIST)
  caseCountries?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Writers' countries (ISO alpha-2)" })
  @ArrayMaxSize(MAX_LIST)
  countries?: string[] | null;

  @Field(() => [String], { nullable: true })
  @ArrayMaxSize(MAX_LIST)
  regions?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-2' })
  @ArrayMaxSize(MAX_LIST)
  subdivisions?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @ArrayMaxSize(MAX_LIST)
  groupIds?: string[] | null;

  @Field(() => [GroupType], { nullable: true })
  @ArrayMaxSize(MAX_LIST)
  groupTypes?: GroupType[] | null;

  @Field(() => [ActionType], { nullable: true })
  @ArrayMaxSize(MAX_LIST)
  actionTypes?: ActionType[] | null;

  @Field(() => DateScalar, { nullable: true })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true })
  to?: string | null;
}
