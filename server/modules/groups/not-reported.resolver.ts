import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Group } from './group.entity';
import { toConnection } from './group-page';
import { NotReportedService } from './not-reported.service';
import { NotYetReportedArgs, NotYetReportedConnection, NotYetReportedGroup } from './not-reported.types';

@Resolver(() => NotYetReportedGroup)
export class NotYetReportedResolver {
  @Query(() => NotYetReportedConnection, {
    description:
      "Groups that reported in year - 1 but have no active report in year (a coordinator's: none in their regions), by last year's actions (descending), then id. " +
      'Area filters select where the group reported last year.',
  })
  @Authorized()
  async notYetReported(@Args(() => NotYetReportedArgs) args: NotYetReportedArgs, @Ctx() { dataSource, scope }: Context): Promise<NotYetReportedConnection> {
    const page = await new NotReportedService(dataSource, scope).page(args);
    return toConnection(page, (r) =>
      Object.assign(new NotYetReportedGroup(), {
        groupId: r.groupId,
        lastYearActions: r.actions,
        lastYearReports: r.reports,
        lastReportedAt: r.lastReportedAt,
      }),
    );
  }

  @FieldResolver(() => Group)
  async group(@Root() node: NotYetReportedGroup, @Ctx() { loaders }: Context): Promise<Group> {
    return (await loaders.groupById.load(node.groupId))!;
  }
}
