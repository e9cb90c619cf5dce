import { MaxLength, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { ImpactFilter } from '../impact/impact-filter.input';
import { PageInfo } from '../impact/impact.types';

export const MAX_SEARCH_LENGTH = 100;

@ArgsType()
export class GroupRankingArgs {
  @Field(() => ImpactFilter)
  @ValidateNested()
  filter: ImpactFilter;

  @Field(() => String, {
    nullable: true,
    description: `Part of the group's name or ref, any letter case (at most ${MAX_SEARCH_LENGTH} characters); blank: every group`,
  })
  @MaxLength(MAX_SEARCH_LENGTH)
  search?: string | null;

  @Field(() => Int, { defaultValue: 25, description: '1 to 100' })
  @Min(1)
  @Max(100)
  first: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ObjectType({ description: "A group's place among the groups that reported under a filter" })
export class RankedGroup {
  groupId: number;

  @Field(() => Int, { description: '1 for the most actions; groups with equal actions share a rank. Ignores the search.' })
  rank: number;

  @Field(() => Int)
  actions: number;

  @Field(() => Int)
  reports: number;
}

@ObjectType()
export class RankedGroupEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => RankedGroup)
  node: RankedGroup;
}

@ObjectType({ description: 'Groups ranked by actions (descending), then id' })
export class GroupRankingConnection {
  @Field(() => Int, { description: 'Groups matching the filter and the search' })
  totalCount: number;

  @Field(() => [RankedGroupEdge])
  edges: RankedGroupEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
