// Vitest settings every package shares: resolve workspace packages to their TypeScript sources
// (the `@drs-contract/source` export condition), so tests never need a prior build.
import { defineConfig } from 'vitest/config';

export const sourceCondition = '@drs-contract/source';

export const sharedConfig = defineConfig({
  resolve: { conditions: [sourceCondition, 'module', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: [sourceCondition, 'node', 'import', 'default'] } },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
