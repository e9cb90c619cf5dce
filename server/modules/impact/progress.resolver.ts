import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Campaign } from '../campaigns/campaign.entity';
import { ImpactFilter } from './impact-filter.input';
import { Impact } from './impact.resolver';
import { CampaignProgress } from './progress.types';
import { SameDayLastYear } from './same-day-last-year.types';
import { sameDayLastYearFilter } from './same-day-last-year';

@Resolver(() => CampaignProgress)
export class CampaignProgressResolver {
  @FieldResolver(() => SameDayLastYear, {
    nullable: true,
    description:
      'The previous campaign by the day this progress stands at, under the filter (its year is this campaign): the overview headline\'s ' +
      '"versus last year". Null without a previous campaign, or for a case (a case belongs to one campaign).',
  })
  async sameDayLastYear(
    @Root() progress: CampaignProgress,
    @Arg('filter', () => ImpactFilter, { nullable: true }) filter: ImpactFilter | null,
    @Ctx() { dataSource }: Context,
  ): Promise<SameDayLastYear | null> {
    const { campaign, campaignDay } = progress;
    const previous = await dataSource.getRepository(Campaign).findOneBy({ year: campaign.year - 1 });
    const shifted = previous && sameDayLastYearFilter({ ...filter, year: campaign.year }, campaign, previous, campaignDay);
    if (!previous || !shifted) return null;
    return Object.assign(new SameDayLastYear(), { year: previous.year, campaignDay, date: shifted.to, figures: new Impact(shifted) });
  }
}
