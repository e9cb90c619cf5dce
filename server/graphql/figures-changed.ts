import { randomUUID } from 'node:crypto';
import { Repeater, SlidingBuffer } from '@graphql-yoga/subscription';
import { Authorized, Field, Int, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { DataVersionWatcher } from '../data-version';
import type { Context } from './context';
import { pubSub } from './pubsub';
import { Throttle } from '../common/throttle';

@ObjectType({ description: 'The figures changed: refetch what is on screen. Carries no figure itself.' })
export class FiguresChange {
  @Field(() => Int, { description: 'The new data version (compare with the dataVersion of what you show)' })
  dataVersion: number;

  @Field(() => Date, { description: 'When this server announced the change' })
  asOf: Date;
}

function change(dataVersion: number): FiguresChange {
  return Object.assign(new FiguresChange(), { dataVersion, asOf: new Date() });
}

@Resolver()
export class FiguresChangedResolver {
  @Authorized()
  @Subscription(() => FiguresChange, {
    description:
      'The data version, at once on subscribing and then whenever figures change (at most one event a second). ' +
      'Only the version travels, never a figure, so it is the same for every role: a coordinator learns nothing ' +
      'about other regions that extensions.freshness does not already say. Refetch on each event.',
    subscribe: ({ context }) => figuresStream(context as Context),
  })
  figuresChanged(@Root() event: FiguresChange): FiguresChange {
    return event;
  }
}

/**
 * One subscriber's events: the current version first (so a client that reconnects learns whether it
 * missed a change), then the announced ones. Versions only increase; a slow client gets the latest
 * one, not a backlog (a buffer of one that keeps the newest).
 */
function figuresStream(context: Context): AsyncIterable<FiguresChange> {
  return new Repeater<FiguresChange>(async (push, stop) => {
    let last = -1;
    const send = (event: FiguresChange) => {
      if (event.dataVersion <= last) return;
      last = event.dataVersion;
      void push(event);
    };
    const announced = pubSub.subscribe('FIGURES_CHANGED', context.liveChannel);
    // listening starts with the first pull, before the current version is read: nothing falls between
    const pump = (async () => {
      for await (const event of announced) send(event);
    })();
    try {
      send(change((await context.freshness()).dataVersion));
    } catch (error) {
      stop(error);
    }
    await stop;
    await announced.return();
    await pump;
  }, new SlidingBuffer(1));
}

/**
 * Turns the advances of the shared data version into FIGURES_CHANGED events for this app: at most
 * one per `intervalMs` (the first at once, later ones carrying the newest version), so an import
 * that bumps the version many times, or 32 writers at once, cost dashboards one refetch a second.
 */
export class FiguresFeed {
  readonly channel = randomUUID();
  private sentVersion = -1;
  private shared = -1;
  private readonly throttle: Throttle;
  private unsubscribe?: () => void;

  constructor(
    private readonly watcher: DataVersionWatcher,
    intervalMs = 1000,
  ) {
    this.throttle = new Throttle(intervalMs, () => this.send());
  }

  start(): void {
    this.sentVersion = this.shared = this.watcher.latest?.version ?? -1;
    this.unsubscribe = this.watcher.onChange(({ version }) => {
      this.shared = version;
      this.throttle.request();
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.throttle.stop();
  }

  private send(): void {
    if (this.shared <= this.sentVersion) return;
    this.sentVersion = this.shared;
    pubSub.publish('FIGURES_CHANGED', this.channel, change(this.shared));
  }
}
