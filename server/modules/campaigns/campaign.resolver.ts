import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Campaign } from './campaign.entity';
import { CaseOutcome } from './case-outcome.entity';
import { Case } from './case.entity';
import { listCampaigns, recordOutcome } from './campaign.service';
import { OutcomeInput } from './outcome.inputs';

@Resolver(() => Campaign)
export class CampaignResolver {
  @Query(() => [Campaign], { description: 'Every campaign, oldest first' })
  campaigns(@Ctx() { dataSource }: Context): Promise<Campaign[]> {
    return listCampaigns(dataSource);
  }

  @Query(() => Campaign, { nullable: true })
  campaign(@Arg('year', () => Int) year: number, @Ctx() { dataSource }: Context): Promise<Campaign | null> {
    return dataSource.getRepository(Campaign).findOneBy({ year });
  }

  @FieldResolver(() => [Case])
  cases(@Root() campaign: Campaign, @Ctx() { loaders }: Context): Promise<Case[]> {
    return loaders.casesByYear.load(campaign.year);
  }
}

@Resolver(() => Case)
export class CaseResolver {
  @Mutation(() => CaseOutcome, { description: 'Adds a dated outcome to a case' })
  recordOutcome(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('input', () => OutcomeInput) input: OutcomeInput,
    @Ctx() { dataSource }: Context,
  ): Promise<CaseOutcome> {
    return recordOutcome(dataSource, caseId, input);
  }

  @FieldResolver(() => [CaseOutcome], { description: 'Dated outcomes, oldest first' })
  outcomes(@Root() c: Case, @Ctx() { loaders }: Context): Promise<CaseOutcome[]> {
    return loaders.outcomesByCase.load(c.id);
  }
}
