import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** packages/spec-review */
export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const workspaceRoot = join(projectRoot, '..', '..');
/** The Nx project and the files of the spec package, relative to the workspace root. */
export const specProject = 'openapi';
export const specDir = 'openapi';
export const specFile = 'openapi/openapi.yaml';
export const oasdiffBinary = join(projectRoot, '.tools', 'bin', 'oasdiff');
export const severityLevelsFile = join(projectRoot, 'oasdiff-levels.txt');
