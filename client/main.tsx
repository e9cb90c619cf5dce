import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OverviewPage } from './pages/OverviewPage';
import './styles.css';

const client = new ApolloClient({
  link: new HttpLink({ uri: '/graphql' }),
  cache: new InMemoryCache({
    // A campaign is identified by its year (there is one per year).
    typePolicies: { Campaign: { keyFields: ['year'] } },
  }),
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <a className="skip-link" href="#main">
        Skip to the figures
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <span className="site-header__mark" aria-hidden="true" />
          <p className="site-header__name">Write for Rights Impact</p>
          <p className="site-header__section">Overview</p>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <OverviewPage />
      </main>
    </ApolloProvider>
  </StrictMode>,
);
