import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { createCounter, listCounters, removeCounter, setCounterPaused, toCounter } from './counter.service';
import { CounterInput, PublicCounter } from './counter.types';

@Resolver(() => PublicCounter)
export class CounterResolver {
  @Authorized('admin', 'staff')
  @Query(() => [PublicCounter], { description: 'Every public counter, newest first' })
  async counters(@Ctx() { dataSource }: Context): Promise<PublicCounter[]> {
    return (await listCounters(dataSource)).map(toCounter);
  }

  @Authorized('admin', 'staff')
  @Mutation(() => PublicCounter, { description: 'A new public counter; its figures are public at /c/<slug>' })
  async createCounter(@Arg('input', () => CounterInput) input: CounterInput, @Ctx() { dataSource, user }: Context): Promise<PublicCounter> {
    return toCounter(await createCounter(dataSource, input, user!.id));
  }

  @Authorized('admin', 'staff')
  @Mutation(() => PublicCounter, { description: 'Pauses (no figures shown) or resumes a counter; readers see it within one refresh interval' })
  async setCounterPaused(
    @Arg('slug', () => String) slug: string,
    @Arg('paused', () => Boolean) paused: boolean,
    @Ctx() { dataSource, user }: Context,
  ): Promise<PublicCounter> {
    return toCounter(await setCounterPaused(dataSource, slug, paused, user!.id));
  }

  @Authorized('admin', 'staff')
  @Mutation(() => Boolean, { description: 'Removes a counter: its address answers 404 from the next refresh interval on' })
  async removeCounter(@Arg('slug', () => String) slug: string, @Ctx() { dataSource, user }: Context): Promise<boolean> {
    await removeCounter(dataSource, slug, user!.id);
    return true;
  }
}
