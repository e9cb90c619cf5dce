import { ErrorState } from './StatusMessage';

/** What QueryError needs of an Apollo query result. */
export interface RetryableQuery {
  error?: { message: string } | null;
  loading: boolean;
  refetch: () => Promise<unknown>;
}

interface QueryErrorProps {
  title: string;
  result: RetryableQuery;
}

/** A query's error with a retry, or nothing when it has none. */
export function QueryError({ title, result }: QueryErrorProps) {
  if (!result.error) return null;
  return (
    <ErrorState
      title={title}
      error={result.error}
      retrying={result.loading}
      // A failed retry shows itself through the query's own error; nothing to catch here.
      onRetry={() => void result.refetch().catch(() => undefined)}
    />
  );
}
