// The contract suite (suite/*.contract.test.ts) against the target chosen by the environment.
import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      root: import.meta.dirname,
      include: ['suite/**/*.contract.test.ts'],
      globalSetup: ['./src/global-setup.ts'],
      reporters: ['default', './src/summary-reporter.ts'],
      // one target process: run files one after another, cases in order
      fileParallelism: false,
    },
  }),
);
