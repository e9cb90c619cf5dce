import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // graphql must load once: dependencies use its CJS build, so our code must too
  // ("Cannot use GraphQLObjectType from another module or realm" otherwise).
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // each test file's logger at the level env.ts reads (silent under tests unless LOG_LEVEL says otherwise)
    setupFiles: ['test/support/configure-logger.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
