import { createPubSub } from '@graphql-yoga/subscription';
import type { FiguresChange } from './figures-changed';

/**
 * In-process pub/sub behind GraphQL subscriptions (handed to type-graphql's buildSchema). It spans
 * one process only: between instances the database is the bus (NOTIFY on every write, see
 * server/data-version/), and each instance publishes here what its watcher hears. Topics are
 * routed by an app's channel id, so two apps in one process (tests) never hear each other.
 */
export const pubSub = createPubSub<{
  FIGURES_CHANGED: [channel: string, change: FiguresChange];
}>();
