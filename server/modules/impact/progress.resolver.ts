import { Arg, Ctx, Float, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { daysBetween } from '../../common/dates';
import type { Context } from '../../graphql/context';
import { Campaign } from '../campaigns/campaign.entity';
import { ImpactFilter } from './impact-filter.input';
import { Impact, totalsOf } from './impact.resolver';
import { CampaignProgress } from './progress.types';
import { relativeChange, sameDayLastYearFilter } from './same-day';
import { SameDayLastYear } from './same-day.types';

@Resolver(() => CampaignProgress)
export class CampaignProgressResolver {
  @FieldResolver(() => SameDayLastYear, {
    nullable: true,
    description:
      'The previous campaign by the day this progress stands at, under the filter (its year is this campaign): the overview headline\'s ' +
      '"versus last year". Null without a previous campaign, or for a case (a case belongs to one campaign).',
  })
  sameDayLastYear(
    @Root() progress: CampaignProgress,
    @Arg('filter', () => ImpactFilter, { nullable: true }) filter: ImpactFilter | null,
    @Ctx() ctx: Context,
  ): Promise<SameDayLastYear | null> {
    return sameDayLastYear(progress, filter, ctx);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "Actions of the previous campaign by the same campaign day under progress's filter: sameDayLastYear's figures",
  })
  async lastYearSameDay(@Root() progress: CampaignProgress, @Ctx() ctx: Context): Promise<number | null> {
    const lastYear = await sameDayLastYear(progress, progress.filter, ctx);
    return lastYear && (await totalsOf(lastYear.figures, ctx)).totalActions;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: "(totalActions - lastYearSameDay) / lastYearSameDay under progress's filter; null when lastYearSameDay is null or 0",
  })
  async changeVsLastYear(@Root() progress: CampaignProgress, @Ctx() ctx: Context): Promise<number | null> {
    const lastYear = await sameDayLastYear(progress, progress.filter, ctx);
    return lastYear && relativeChange(progress.totalActions, (await totalsOf(lastYear.figures, ctx)).totalActions);
  }
}

/** The previous campaign by the day `progress` stands at, under `filter`. */
async function sameDayLastYear(progress: CampaignProgress, filter: ImpactFilter | null, { dataSource }: Context): Promise<SameDayLastYear | null> {
  const { campaign, campaignDay } = progress;
  const previous = await dataSource.getRepository(Campaign).findOneBy({ year: campaign.year - 1 });
  const current = { ...filter, year: campaign.year };
  const shifted = previous && sameDayLastYearFilter(current, campaign, previous, campaignDay);
  if (!previous || !shifted) return null;
  // the day compared at: the progress's, or earlier when the filter ends earlier (its `to`)
  const day = daysBetween(previous.writingStarts, shifted.to!);
  return Object.assign(new SameDayLastYear(), { year: previous.year, campaignDay: day, date: shifted.to, figures: new Impact(shifted), current: new Impact(current) });
}
