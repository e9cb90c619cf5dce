import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { isRowId } from '../../common/id';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors-user';
import { Case } from '../campaigns/case.entity';
import { Group } from '../groups/group.entity';
import { LetterReport } from './letter-report.entity';
import { recentReports } from './recent-reports.service';
import { LetterReportConnection, RecentReportsArgs } from './recent-reports.types';
import { ReportInput } from './report.inputs';
import { correctReport, retractReport, submitReport } from './report.service';

function reportId(id: string): number {
  if (!isRowId(id)) throw badInput(`"${id.slice(0, 40)}" is not a report id`, { id: 'is not valid' });
  return Number(id);
}

@Resolver(() => LetterReport)
export class ReportResolver {
  @Authorized()
  @Query(() => LetterReport, { nullable: true, description: "A report by its external id (a coordinator's own regions only)" })
  async report(@Arg('reportId', () => String) externalId: string, @Ctx() { dataSource, loaders }: Context): Promise<LetterReport | null> {
    const [found] = await dataSource.query(`SELECT id FROM letter_report WHERE report_id = $1`, [externalId]);
    // through the loader, which leaves out another region's report for a coordinator
    return found ? loaders.reportById.load(found.id) : null;
  }

  @Authorized('admin', 'staff')
  @Query(() => LetterReportConnection, {
    description: 'Reports of every status, the most recently stored first; with a search, those whose reportId starts with it, in reportId order',
  })
  async recentReports(@Args(() => RecentReportsArgs) args: RecentReportsArgs, @Ctx() { dataSource }: Context): Promise<LetterReportConnection> {
    const page = await recentReports(dataSource, args);
    return {
      edges: page.reports.map(({ cursor, report }) => ({ cursor, node: report })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.reports.at(-1)?.cursor ?? null },
    };
  }

  @Authorized()
  @Mutation(() => LetterReport, { description: "Stores a report; idempotent on reportId. A coordinator's only in their regions" })
  submitReport(@Arg('input', () => ReportInput) input: ReportInput, @Ctx() { dataSource, user, scope }: Context): Promise<LetterReport> {
    return submitReport(dataSource, input, { userId: user!.id, scope });
  }

  @Authorized('admin', 'staff')
  @Mutation(() => LetterReport, { description: 'Withdraws a report from every total; it is kept, with the reason' })
  retractReport(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() { dataSource, user }: Context,
  ): Promise<LetterReport> {
    return retractReport(dataSource, reportId(id), reason, { userId: user!.id });
  }

  @Authorized('admin', 'staff')
  @Mutation(() => LetterReport, { description: 'Replaces a report by a corrected one (a new reportId); returns the replacement' })
  correctReport(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ReportInput) input: ReportInput,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() { dataSource, user }: Context,
  ): Promise<LetterReport> {
    return correctReport(dataSource, reportId(id), input, { userId: user!.id }, reason?.trim() || undefined);
  }

  @FieldResolver(() => Case, { name: 'case' })
  async caseOf(@Root() report: LetterReport, @Ctx() { loaders }: Context): Promise<Case> {
    return (await loaders.caseById.load(report.caseId))!;
  }

  @FieldResolver(() => Group, { nullable: true })
  group(@Root() report: LetterReport, @Ctx() { loaders }: Context): Promise<Group | null> | null {
    return report.groupId == null ? null : loaders.groupById.load(report.groupId);
  }

  @FieldResolver(() => LetterReport, { nullable: true, description: 'The correction that replaced this report' })
  supersededBy(@Root() report: LetterReport, @Ctx() { loaders }: Context): Promise<LetterReport | null> | null {
    return report.supersededById == null ? null : loaders.reportById.load(report.supersededById);
  }
}
