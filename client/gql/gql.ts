/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query FilterOptions($year: Int!, $regions: [String!], $countries: [String!], $withCountry: Boolean!) {\n    regions: impact(filter: { year: $year }) {\n      byRegion {\n        key\n        label\n      }\n    }\n    countries: impact(filter: { year: $year, regions: $regions }) {\n      byCountry {\n        key\n        label\n      }\n    }\n    subdivisions: impact(filter: { year: $year, countries: $countries }) @include(if: $withCountry) {\n      bySubdivision {\n        key\n        label\n      }\n    }\n    campaign(year: $year) {\n      year\n      cases {\n        id\n        name\n      }\n    }\n  }\n": typeof types.FilterOptionsDocument,
    "\n  query Campaigns {\n    campaigns {\n      year\n      name\n      goal\n      writingStarts\n      writingEnds\n      reportingDeadline\n    }\n  }\n": typeof types.CampaignsDocument,
    "\n  query Overview($year: Int!, $years: [Int!]!) {\n    impact(filter: { year: $year }) {\n      totalActions\n      reportCount\n      groupCount\n      countryCount\n    }\n    yearComparison(years: $years, align: CAMPAIGN_DAY) {\n      year\n      total\n      points {\n        day\n        date\n        cumulative\n      }\n    }\n  }\n": typeof types.OverviewDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      role\n      regions\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      id\n      email\n      role\n      regions\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query DemoAccounts {\n    demoAccounts {\n      email\n      password\n      role\n      regions\n    }\n  }\n": typeof types.DemoAccountsDocument,
    "\n  fragment SnapshotSummary on Snapshot {\n    slug\n    year\n    title\n    status\n    checksum\n    publishedAt\n    asOf\n    url\n    replacedBy {\n      slug\n      title\n      url\n    }\n  }\n": typeof types.SnapshotSummaryFragmentDoc,
    "\n  query Snapshots {\n    snapshots {\n      ...SnapshotSummary\n    }\n  }\n": typeof types.SnapshotsDocument,
    "\n  query PreviewSnapshot($input: PublishSnapshotInput!) {\n    previewSnapshot(input: $input) {\n      status\n      content\n    }\n  }\n": typeof types.PreviewSnapshotDocument,
    "\n  mutation PublishSnapshot($input: PublishSnapshotInput!) {\n    publishSnapshot(input: $input) {\n      ...SnapshotSummary\n      replaces {\n        slug\n      }\n    }\n  }\n": typeof types.PublishSnapshotDocument,
    "\n  query SnapshotDiff($slug: String!, $against: String) {\n    snapshotDiff(slug: $slug, against: $against) {\n      totalBefore\n      totalAfter\n      byCase {\n        key\n        label\n        before\n        after\n        change\n      }\n      byCountry {\n        key\n        label\n        before\n        after\n        change\n      }\n    }\n  }\n": typeof types.SnapshotDiffDocument,
};
const documents: Documents = {
    "\n  query FilterOptions($year: Int!, $regions: [String!], $countries: [String!], $withCountry: Boolean!) {\n    regions: impact(filter: { year: $year }) {\n      byRegion {\n        key\n        label\n      }\n    }\n    countries: impact(filter: { year: $year, regions: $regions }) {\n      byCountry {\n        key\n        label\n      }\n    }\n    subdivisions: impact(filter: { year: $year, countries: $countries }) @include(if: $withCountry) {\n      bySubdivision {\n        key\n        label\n      }\n    }\n    campaign(year: $year) {\n      year\n      cases {\n        id\n        name\n      }\n    }\n  }\n": types.FilterOptionsDocument,
    "\n  query Campaigns {\n    campaigns {\n      year\n      name\n      goal\n      writingStarts\n      writingEnds\n      reportingDeadline\n    }\n  }\n": types.CampaignsDocument,
    "\n  query Overview($year: Int!, $years: [Int!]!) {\n    impact(filter: { year: $year }) {\n      totalActions\n      reportCount\n      groupCount\n      countryCount\n    }\n    yearComparison(years: $years, align: CAMPAIGN_DAY) {\n      year\n      total\n      points {\n        day\n        date\n        cumulative\n      }\n    }\n  }\n": types.OverviewDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      role\n      regions\n    }\n  }\n": types.MeDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      id\n      email\n      role\n      regions\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query DemoAccounts {\n    demoAccounts {\n      email\n      password\n      role\n      regions\n    }\n  }\n": types.DemoAccountsDocument,
    "\n  fragment SnapshotSummary on Snapshot {\n    slug\n    year\n    title\n    status\n    checksum\n    publishedAt\n    asOf\n    url\n    replacedBy {\n      slug\n      title\n      url\n    }\n  }\n": types.SnapshotSummaryFragmentDoc,
    "\n  query Snapshots {\n    snapshots {\n      ...SnapshotSummary\n    }\n  }\n": types.SnapshotsDocument,
    "\n  query PreviewSnapshot($input: PublishSnapshotInput!) {\n    previewSnapshot(input: $input) {\n      status\n      content\n    }\n  }\n": types.PreviewSnapshotDocument,
    "\n  mutation PublishSnapshot($input: PublishSnapshotInput!) {\n    publishSnapshot(input: $input) {\n      ...SnapshotSummary\n      replaces {\n        slug\n      }\n    }\n  }\n": types.PublishSnapshotDocument,
    "\n  query SnapshotDiff($slug: String!, $against: String) {\n    snapshotDiff(slug: $slug, against: $against) {\n      totalBefore\n      totalAfter\n      byCase {\n        key\n        label\n        before\n        after\n        change\n      }\n      byCountry {\n        key\n        label\n        before\n        after\n        change\n      }\n    }\n  }\n": types.SnapshotDiffDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilterOptions($year: Int!, $regions: [String!], $countries: [String!], $withCountry: Boolean!) {\n    regions: impact(filter: { year: $year }) {\n      byRegion {\n        key\n        label\n      }\n    }\n    countries: impact(filter: { year: $year, regions: $regions }) {\n      byCountry {\n        key\n        label\n      }\n    }\n    subdivisions: impact(filter: { year: $year, countries: $countries }) @include(if: $withCountry) {\n      bySubdivision {\n        key\n        label\n      }\n    }\n    campaign(year: $year) {\n      year\n      cases {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query FilterOptions($year: Int!, $regions: [String!], $countries: [String!], $withCountry: Boolean!) {\n    regions: impact(filter: { year: $year }) {\n      byRegion {\n        key\n        label\n      }\n    }\n    countries: impact(filter: { year: $year, regions: $regions }) {\n      byCountry {\n        key\n        label\n      }\n    }\n    subdivisions: impact(filter: { year: $year, countries: $countries }) @include(if: $withCountry) {\n      bySubdivision {\n        key\n        label\n      }\n    }\n    campaign(year: $year) {\n      year\n      cases {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Campaigns {\n    campaigns {\n      year\n      name\n      goal\n      writingStarts\n      writingEnds\n      reportingDeadline\n    }\n  }\n"): (typeof documents)["\n  query Campaigns {\n    campaigns {\n      year\n      name\n      goal\n      writingStarts\n      writingEnds\n      reportingDeadline\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview($year: Int!, $years: [Int!]!) {\n    impact(filter: { year: $year }) {\n      totalActions\n      reportCount\n      groupCount\n      countryCount\n    }\n    yearComparison(years: $years, align: CAMPAIGN_DAY) {\n      year\n      total\n      points {\n        day\n        date\n        cumulative\n      }\n    }\n  }\n"): (typeof documents)["\n  query Overview($year: Int!, $years: [Int!]!) {\n    impact(filter: { year: $year }) {\n      totalActions\n      reportCount\n      groupCount\n      countryCount\n    }\n    yearComparison(years: $years, align: CAMPAIGN_DAY) {\n      year\n      total\n      points {\n        day\n        date\n        cumulative\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      email\n      role\n      regions\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      email\n      role\n      regions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      id\n      email\n      role\n      regions\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      id\n      email\n      role\n      regions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoAccounts {\n    demoAccounts {\n      email\n      password\n      role\n      regions\n    }\n  }\n"): (typeof documents)["\n  query DemoAccounts {\n    demoAccounts {\n      email\n      password\n      role\n      regions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SnapshotSummary on Snapshot {\n    slug\n    year\n    title\n    status\n    checksum\n    publishedAt\n    asOf\n    url\n    replacedBy {\n      slug\n      title\n      url\n    }\n  }\n"): (typeof documents)["\n  fragment SnapshotSummary on Snapshot {\n    slug\n    year\n    title\n    status\n    checksum\n    publishedAt\n    asOf\n    url\n    replacedBy {\n      slug\n      title\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Snapshots {\n    snapshots {\n      ...SnapshotSummary\n    }\n  }\n"): (typeof documents)["\n  query Snapshots {\n    snapshots {\n      ...SnapshotSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewSnapshot($input: PublishSnapshotInput!) {\n    previewSnapshot(input: $input) {\n      status\n      content\n    }\n  }\n"): (typeof documents)["\n  query PreviewSnapshot($input: PublishSnapshotInput!) {\n    previewSnapshot(input: $input) {\n      status\n      content\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishSnapshot($input: PublishSnapshotInput!) {\n    publishSnapshot(input: $input) {\n      ...SnapshotSummary\n      replaces {\n        slug\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishSnapshot($input: PublishSnapshotInput!) {\n    publishSnapshot(input: $input) {\n      ...SnapshotSummary\n      replaces {\n        slug\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SnapshotDiff($slug: String!, $against: String) {\n    snapshotDiff(slug: $slug, against: $against) {\n      totalBefore\n      totalAfter\n      byCase {\n        key\n        label\n        before\n        after\n        change\n      }\n      byCountry {\n        key\n        label\n        before\n        after\n        change\n      }\n    }\n  }\n"): (typeof documents)["\n  query SnapshotDiff($slug: String!, $against: String) {\n    snapshotDiff(slug: $slug, against: $against) {\n      totalBefore\n      totalAfter\n      byCase {\n        key\n        label\n        before\n        after\n        change\n      }\n      byCountry {\n        key\n        label\n        before\n        after\n        change\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;