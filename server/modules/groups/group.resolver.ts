import { isRowId } from '../../common/id';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors-user';
import { Group } from './group.entity';
import { toConnection } from './group-page';
import { GroupRankingService } from './group-ranking.service';
import { GroupRankingArgs, GroupRankingConnection, RankedGroup } from './group-ranking.types';
import { GroupYear } from './group-years.types';

@Resolver(() => Group)
export class GroupResolver {
  @Authorized()
  @Query(() => GroupRankingConnection, {
    description:
      'Groups that reported under the filter, ranked by actions (descending), then id; optionally only those whose name or ref ' +
      'contains the search.',
  })
  async groupRanking(@Args(() => GroupRankingArgs) args: GroupRankingArgs, @Ctx() { dataSource, scope }: Context): Promise<GroupRankingConnection> {
    const page = await new GroupRankingService(dataSource, scope).page(args);
    return toConnection(page, (r) =>
      Object.assign(new RankedGroup(), { groupId: r.groupId, rank: r.rank, actions: r.actions, reports: r.reports }),
    );
  }

  @Authorized()
  @Query(() => Group, {
    nullable: true,
    description: "One group; null when there is none, or when it has not reported in a coordinator's regions",
  })
  group(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<Group | null> {
    if (!isRowId(id)) throw badInput(`group: "${id.slice(0, 40)}" is not a valid id`, { id: 'is not valid' });
    return loaders.groupById.load(Number(id));
  }

  @FieldResolver(() => [GroupYear], {
    description: "Its active reports per campaign year, oldest first (only years with reports; a coordinator's regions only)",
  })
  years(@Root() group: Group, @Ctx() { loaders }: Context): Promise<GroupYear[]> {
    return loaders.yearsByGroup.load(group.id);
  }
}

@Resolver(() => RankedGroup)
export class RankedGroupResolver {
  @FieldResolver(() => Group)
  async group(@Root() node: RankedGroup, @Ctx() { loaders }: Context): Promise<Group> {
    return (await loaders.groupById.load(node.groupId))!;
  }
}

/** Registered in server/graphql/schema.ts. */
export const groupResolvers = [GroupResolver, RankedGroupResolver] as const;
