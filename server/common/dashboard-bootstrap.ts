// What index.html carries for the dashboard's first paint (server/http/dashboard-bootstrap.ts writes
// it, client/bootstrap.ts reads it): the answers to the dashboard's first documents, by operation name.

export interface BootstrapAnswer {
  data: unknown;
  extensions?: Record<string, unknown>;
}

export interface DashboardBootstrap {
  Me: BootstrapAnswer;
  /** Only for a signed-in reader. */
  Campaigns?: BootstrapAnswer;
}

/** The id of the `<script type="application/json">` element holding it. */
export const BOOTSTRAP_ELEMENT_ID = 'dashboard-bootstrap';
