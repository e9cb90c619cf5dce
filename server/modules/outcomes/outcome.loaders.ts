import DataLoader from 'dataloader';
import type { Context } from '../../graphql/context';
import type { CaseOutcome } from '../campaigns/case-outcome.entity';
import { OutcomeService } from './outcome.service';

/**
 * This module's loaders, made lazily once per request: the context object is the request, so a
 * WeakMap keyed by it gives each request its own cache and lets it go with the request.
 */
interface OutcomeLoaders {
  firstPositiveByCase: DataLoader<number, CaseOutcome | null>;
}

const perRequest = new WeakMap<Context, OutcomeLoaders>();

export function outcomeLoaders(ctx: Context): OutcomeLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    const service = new OutcomeService(ctx.dataSource);
    loaders = { firstPositiveByCase: new DataLoader((ids) => service.firstPositiveOutcomes(ids)) };
    perRequest.set(ctx, loaders);
  }
  return loaders;
}
