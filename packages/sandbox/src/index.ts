// Public API of @drs-contract/sandbox.
export { buildApp, toFilter, defaultBodyLimit, type AppOptions } from './app.js';
export { startSandbox, seedCurl, openStore, defaultTokens, type SandboxOptions, type SandboxHandle, type DataOptions } from './server.js';
export { JobStore, StoreError, type StoredJob, type JobFilter } from './store.js';
export {
  defaultJobs,
  generateJobs,
  generatedProjectIds,
  loadFixture,
  checkJobs,
  toStored,
  FixtureError,
  seedProjectId,
  type SandboxJob,
  type GenerateOptions,
} from './data.js';
export { devToken, tokensEnv, loadTokens, checkTokens, TokenFileError, type TokenMap } from './tokens.js';
export { codeForStatus, drsError, languageOf, violationError, type DrsError } from './errors.js';
export { seedRequest, seedResponse } from './generated/seed.js';
