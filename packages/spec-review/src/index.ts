export { classify, formatChanges, OasdiffMissingError, type Change, type Classification, type Impact } from './classify.ts';
export { nextSpecVersion, runGate, type GateOptions, type GateReport, type NextVersion } from './gate.ts';
export { lastReleaseTag, releaseTagGlob, specAt, specVersionAt } from './git.ts';
