import { Args, Ctx, FieldResolver, Query, Resolver, Root, Authorized } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { CaseOutcome } from '../campaigns/case-outcome.entity';
import { Case } from '../campaigns/case.entity';
import { OutcomeSummary, OutcomeSummaryArgs } from './outcome-summary.types';
import { OutcomeService } from './outcome.service';

@Resolver(() => OutcomeSummary)
export class OutcomeSummaryResolver {
  @Authorized()
  @Query(() => OutcomeSummary, {
    description:
      'How many featured cases saw a positive outcome on or after their campaign began, and how soon; ' +
      'outcomes dated before writingStarts are context, not results. All campaigns when years is null.',
  })
  outcomeSummary(@Args(() => OutcomeSummaryArgs) { years }: OutcomeSummaryArgs, @Ctx() { dataSource }: Context): Promise<OutcomeSummary> {
    return new OutcomeService(dataSource).summary(years == null ? null : [...new Set(years)]);
  }
}

@Resolver(() => Case)
export class CaseFirstPositiveResolver {
  @FieldResolver(() => CaseOutcome, {
    nullable: true,
    description:
      "The earliest positive outcome dated on or after the campaign's writingStarts; earlier outcomes are context, not results",
  })
  firstPositiveOutcome(@Root() c: Case, @Ctx() { loaders }: Context): Promise<CaseOutcome | null> {
    return loaders.firstPositiveOutcomeByCase.load(c.id);
  }
}
