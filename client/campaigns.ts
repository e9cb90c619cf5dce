export interface HasYear {
  year: number;
}

/** The campaign of the requested year, else the latest one; null when there are no campaigns. */
export function pickCampaign<T extends HasYear>(campaigns: readonly T[], year: number | null): T | null {
  let latest: T | null = null;
  for (const campaign of campaigns) {
    if (campaign.year === year) return campaign;
    if (!latest || campaign.year > latest.year) latest = campaign;
  }
  return latest;
}
