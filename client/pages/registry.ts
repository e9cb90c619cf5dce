import type { ComponentType } from 'react';
import { lazyModule, type LazyModule } from '../lazy-module';
import type { Role } from '../session';
import type { PageId } from '../url-state';

export interface PageEntry {
  /** The page's code: its own chunk, downloaded when first opened (or hovered in the menu). */
  module: LazyModule<ComponentType>;
  /** Who may open it; everyone signed in when absent. */
  roles?: readonly Role[];
  /** Whether the shared filter bar applies to it. */
  filtered: boolean;
}

const page = (importer: () => Promise<ComponentType>) => lazyModule(importer);

// Each page is its own chunk: someone who is not signed in downloads only the sign-in page, and a
// page costs nothing until it is opened.
export const PAGES: Record<PageId, PageEntry> = {
  overview: { module: page(() => import('./overview/OverviewPage').then((m) => m.OverviewPage)), filtered: true },
  trends: { module: page(() => import('./trends/TrendsPage').then((m) => m.TrendsPage)), filtered: true },
  cases: { module: page(() => import('./cases/CasesPage').then((m) => m.CasesPage)), filtered: true },
  geography: { module: page(() => import('./geography/GeographyPage').then((m) => m.GeographyPage)), filtered: true },
  groups: { module: page(() => import('./groups/GroupsPage').then((m) => m.GroupsPage)), filtered: true },
  reports: {
    module: page(() => import('./reports/ReportsPage').then((m) => m.ReportsPage)),
    roles: ['admin', 'staff'],
    filtered: false,
  },
  snapshots: {
    module: page(() => import('./snapshots/SnapshotsPage').then((m) => m.SnapshotsPage)),
    roles: ['admin', 'staff'],
    filtered: false,
  },
  counters: {
    module: page(() => import('./counters/CountersPage').then((m) => m.CountersPage)),
    roles: ['admin', 'staff'],
    filtered: false,
  },
};

/** The pages a role may open, in menu order. */
export function pagesFor(role: string): PageId[] {
  return (Object.keys(PAGES) as PageId[]).filter((id) => {
    const roles = PAGES[id].roles;
    return !roles || (roles as readonly string[]).includes(role);
  });
}
