import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { createDashboardClient } from './apollo';
import { App } from './App';
import './i18n/i18n';

const { client, onSessionEnded, busy } = createDashboardClient();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Drawn at once, in the task that set the page's language and direction (./i18n/i18n): index.html's
// header bar is replaced before the browser paints again, so it is never seen in a direction that
// has just changed (a layout shift in Arabic).
flushSync(() =>
  createRoot(root).render(
    <StrictMode>
      <ApolloProvider client={client}>
        <App onSessionEnded={onSessionEnded} busy={busy} />
      </ApolloProvider>
    </StrictMode>,
  ),
);
