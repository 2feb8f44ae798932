import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      root: import.meta.dirname,
      include: ['test/**/*.test.ts'],
      // the release and gate tests each run nx release in a temporary clone: give them room, not forever
      testTimeout: 180_000,
    },
  }),
);
