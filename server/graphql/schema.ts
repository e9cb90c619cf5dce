import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { authChecker } from './auth-checker';
import { FiguresChangedResolver } from './figures-changed';
import { pubSub } from './pubsub';
import { CampaignResolver, CaseResolver } from '../modules/campaigns/campaign.resolver';
import { CaseTotalResolver, GroupTotalResolver, ImpactResolver } from '../modules/impact/impact.resolver';
import { CampaignProgressResolver } from '../modules/impact/progress.resolver';
import { SameDayComparisonResolver, SameDayLastYearResolver } from '../modules/impact/same-day.resolver';
import { NotYetReportedResolver } from '../modules/groups/not-reported.resolver';
import { groupResolvers } from '../modules/groups/group.resolver';
import { ImportResolver } from '../modules/imports/import.resolver';
import { CaseFirstPositiveResolver, OutcomeSummaryResolver } from '../modules/outcomes/outcome.resolver';
import { ReportResolver } from '../modules/reports/report.resolver';
import { AuthResolver } from '../modules/users/auth.resolver';
import { SnapshotResolver } from '../modules/snapshots/snapshot.resolver';
import { CounterResolver } from '../modules/counters/counter.resolver';

export const resolvers = [
  AuthResolver,
  CampaignResolver,
  CampaignProgressResolver,
  CaseResolver,
  CaseFirstPositiveResolver,
  CaseTotalResolver,
  CounterResolver,
  FiguresChangedResolver,
  GroupTotalResolver,
  ...groupResolvers,
  ImpactResolver,
  ImportResolver,
  NotYetReportedResolver,
  OutcomeSummaryResolver,
  ReportResolver,
  SameDayComparisonResolver,
  SameDayLastYearResolver,
  SnapshotResolver,
] as const;

let schema: Promise<GraphQLSchema> | undefined;

/** The GraphQL schema, built once from the decorated classes. */
export function getSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: { forbidUnknownValues: false },
    authChecker,
    pubSub,
  });
  return schema;
}
