import { graphql } from '../gql';

/** The data version, at once on subscribing and then on every change (at most twice a second). */
export const FIGURES_CHANGED_SUBSCRIPTION = graphql(`
  subscription FiguresChanged {
    figuresChanged {
      dataVersion
    }
  }
`);
