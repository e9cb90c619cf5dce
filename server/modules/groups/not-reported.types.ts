import { ArrayMaxSize, Max, Min } from 'class-validator';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../impact/impact.types';
import { GroupType } from './group.enums';

const MAX_LIST = 500;

@ArgsType()
export class NotYetReportedArgs {
  @Field(() => Int, { description: 'The campaign year to chase; groups are those that reported in year - 1' })
  @Min(2000)
  @Max(2100)
  year: number;

  @Field(() => [String], { nullable: true, description: 'Where the group reported last year; an empty list matches nothing' })
  @ArrayMaxSize(MAX_LIST)
  regions?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Writers' countries last year (ISO alpha-2); an empty list matches nothing" })
  @ArrayMaxSize(MAX_LIST)
  countries?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-2, last year; an empty list matches nothing' })
  @ArrayMaxSize(MAX_LIST)
  subdivisions?: string[] | null;

  @Field(() => [GroupType], { nullable: true, description: "The group's type; an empty list matches nothing" })
  @ArrayMaxSize(MAX_LIST)
  groupTypes?: GroupType[] | null;

  @Field(() => Int, { defaultValue: 50, description: '1 to 200' })
  @Min(1)
  @Max(200)
  first: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ObjectType({ description: 'A group that reported last year and has no active report this year' })
export class NotYetReportedGroup {
  groupId: number;

  @Field(() => Int, { description: "Last year's actions, in the filtered area" })
  lastYearActions: number;

  @Field(() => Int, { description: "Last year's active reports, in the filtered area" })
  lastYearReports: number;

  @Field(() => Date, { description: 'When the group last reported last year (its latest active report in the filtered area)' })
  lastReportedAt: Date;
}

@ObjectType()
export class NotYetReportedEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => NotYetReportedGroup)
  node: NotYetReportedGroup;
}

@ObjectType({ description: "Groups not reported yet, ranked by last year's actions (descending), then group id" })
export class NotYetReportedConnection {
  @Field(() => Int, { description: 'Groups matching the arguments' })
  totalCount: number;

  @Field(() => [NotYetReportedEdge])
  edges: NotYetReportedEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
