import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { filterArea } from '../../data-version';
import type { Context } from '../../graphql/context';
import { Campaign } from './campaign.entity';
import { CaseOutcome } from './case-outcome.entity';
import { Case } from './case.entity';
import { ImpactFilter } from '../impact/impact-filter.input';
import { campaignProgress, dateIn } from '../impact/progress.service';
import { CampaignProgress } from '../impact/progress.types';
import { listCampaigns, recordOutcome } from './campaign.service';
import { OutcomeInput } from './outcome.inputs';

@Resolver(() => Campaign)
export class CampaignResolver {
  @Authorized()
  @Query(() => [Campaign], { description: 'Every campaign, oldest first' })
  campaigns(@Ctx() { dataSource }: Context): Promise<Campaign[]> {
    return listCampaigns(dataSource);
  }

  @Authorized()
  @Query(() => Campaign, { nullable: true })
  campaign(@Arg('year', () => Int) year: number, @Ctx() { dataSource }: Context): Promise<Campaign | null> {
    return dataSource.getRepository(Campaign).findOneBy({ year });
  }

  @FieldResolver(() => [Case])
  cases(@Root() campaign: Campaign, @Ctx() { loaders }: Context): Promise<Case[]> {
    return loaders.casesByYear.load(campaign.year);
  }

  @FieldResolver(() => CampaignProgress, {
    description: 'Against the goal, against last year at the same campaign day, and a forecast of the final total',
  })
  async progress(
    @Root() campaign: Campaign,
    @Arg('filter', () => ImpactFilter, { nullable: true, description: 'Its year is this campaign' }) filter: ImpactFilter | null,
    @Ctx() { dataSource, impact, now, todayIn, scope, readAlso }: Context,
  ): Promise<CampaignProgress> {
    const at = now();
    // progress stands at today in the campaign's time zone: a stored answer lasts as long as that day
    todayIn.set(campaign.timezone, dateIn(campaign.timezone, at));
    const progress = await campaignProgress(dataSource, impact, campaign, { ...filter, year: null }, at);
    // once final, at the deadline or the last late report's day: a late report under its filter moves it
    if (progress.final) readAlso({ ...filterArea(filter, scope), years: [campaign.year] });
    return progress;
  }
}

@Resolver(() => Case)
export class CaseResolver {
  @FieldResolver(() => Int, { description: 'Actions for this case (active reports)' })
  async actions(@Root() c: Case, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.caseTotalsByYear.load(c.year)).get(c.id)?.actions ?? 0;
  }

  @FieldResolver(() => Int)
  async reports(@Root() c: Case, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.caseTotalsByYear.load(c.year)).get(c.id)?.reports ?? 0;
  }

  @Authorized('admin', 'staff')
  @Mutation(() => CaseOutcome, { description: 'Adds a dated outcome to a case' })
  recordOutcome(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('input', () => OutcomeInput) input: OutcomeInput,
    @Ctx() { dataSource, user }: Context,
  ): Promise<CaseOutcome> {
    return recordOutcome(dataSource, caseId, input, user!.id);
  }

  @FieldResolver(() => [CaseOutcome], { description: 'Dated outcomes, oldest first' })
  outcomes(@Root() c: Case, @Ctx() { loaders }: Context): Promise<CaseOutcome[]> {
    return loaders.outcomesByCase.load(c.id);
  }
}
