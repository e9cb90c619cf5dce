import { ServerError, ServerParseError } from '@apollo/client';
import type { ReactNode } from 'react';
import { commonMessages } from '../i18n/common.messages';
import { useMessages } from '../i18n/use-messages';
import type { Translate } from '../session';

interface ErrorStateProps {
  title: string;
  error: { message: string };
  onRetry: () => void;
  retrying?: boolean;
}

/** A failed request: what failed, the server's message, and a way to try again. */
export function ErrorState({ title, error, onRetry, retrying = false }: ErrorStateProps) {
  const { t } = useMessages('common', commonMessages);
  return (
    <div className="status status--error" role="alert">
      <h2 className="status__title">{title}</h2>
      <p className="status__detail">{describeError(error, t)}</p>
      <button type="button" className="button" onClick={onRetry} disabled={retrying}>
        {retrying ? t('state.retrying') : t('state.retry')}
      </button>
    </div>
  );
}

interface EmptyStateProps {
  title: string;
  children: ReactNode;
}

export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <div className="status">
      <h2 className="status__title">{title}</h2>
      <div className="status__detail">{children}</div>
    </div>
  );
}

function describeError(error: { message: string }, t: Translate): string {
  // fetch() rejects with a TypeError whose text differs by browser ("Failed to fetch", "Load failed").
  if (error instanceof TypeError || /failed to fetch|load failed|networkerror/i.test(error.message)) {
    return t('error.unreachable');
  }
  if (ServerError.is(error) || ServerParseError.is(error)) {
    return t('error.http', { status: error.statusCode });
  }
  return error.message;
}
