// Tests of the suite itself (test/*.test.ts): it fails on a bad server; the packed packages install.
import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

export default mergeConfig(
  sharedConfig,
  defineConfig({ test: { root: import.meta.dirname, include: ['test/**/*.test.ts'], testTimeout: 180_000 } }),
);
