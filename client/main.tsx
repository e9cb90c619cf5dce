import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDashboardClient } from './apollo';
import { App } from './App';
import './i18n/i18n';
import './styles.css';

const { client, onSessionEnded, busy } = createDashboardClient();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <App onSessionEnded={onSessionEnded} busy={busy} />
    </ApolloProvider>
  </StrictMode>,
);
