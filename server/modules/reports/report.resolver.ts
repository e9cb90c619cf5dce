import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors-user';
import { Case } from '../campaigns/case.entity';
import { Group } from '../groups/group.entity';
import { LetterReport } from './letter-report.entity';
import { ReportInput } from './report.inputs';
import { correctReport, retractReport, submitReport } from './report.service';

function reportId(id: string): number {
  if (!/^\d{1,9}$/.test(id)) throw badInput(`"${id.slice(0, 40)}" is not a report id`, { id: 'is not valid' });
  return Number(id);
}

@Resolver(() => LetterReport)
export class ReportResolver {
  @Query(() => LetterReport, { nullable: true, description: 'A report by its external id' })
  report(@Arg('reportId', () => String) externalId: string, @Ctx() { dataSource }: Context): Promise<LetterReport | null> {
    return dataSource.getRepository(LetterReport).findOneBy({ reportId: externalId });
  }

  @Mutation(() => LetterReport, { description: 'Stores a report; idempotent on reportId' })
  submitReport(@Arg('input', () => ReportInput) input: ReportInput, @Ctx() { dataSource }: Context): Promise<LetterReport> {
    return submitReport(dataSource, input, { userId: null });
  }

  @Mutation(() => LetterReport, { description: 'Withdraws a report from every total; it is kept, with the reason' })
  retractReport(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() { dataSource }: Context,
  ): Promise<LetterReport> {
    return retractReport(dataSource, reportId(id), reason, { userId: null });
  }

  @Mutation(() => LetterReport, { description: 'Replaces a report by a corrected one (a new reportId); returns the replacement' })
  correctReport(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ReportInput) input: ReportInput,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() { dataSource }: Context,
  ): Promise<LetterReport> {
    return correctReport(dataSource, reportId(id), input, { userId: null }, reason?.trim() || undefined);
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
