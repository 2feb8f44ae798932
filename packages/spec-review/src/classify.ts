// Classifies every change between two OpenAPI documents with oasdiff's changelog checks
// (direction-aware: request vs response), with three checks promoted in oasdiff-levels.txt.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { oasdiffBinary, severityLevelsFile } from './paths.ts';

/** `breaking`: oasdiff level ERR; `possibly-breaking`: WARN (a reviewer must decide); `compatible`: INFO. */
export type Impact = 'breaking' | 'possibly-breaking' | 'compatible';

export interface Change {
  /** oasdiff check id, e.g. `request-property-enum-value-removed` */
  id: string;
  impact: Impact;
  text: string;
  /** `POST /v3/{project_id}/jobs`, or the document section for changes outside paths */
  where: string;
}

export interface Classification {
  /** true when any change is breaking or possibly breaking */
  breaking: boolean;
  changes: Change[];
}

interface OasdiffChange {
  id: string;
  text: string;
  level: number;
  operation?: string;
  path?: string;
  section?: string;
}

const impactOfLevel: Record<number, Impact> = { 3: 'breaking', 2: 'possibly-breaking', 1: 'compatible' };

export class OasdiffMissingError extends Error {
  override readonly name = 'OasdiffMissingError';
  constructor() {
    super(`oasdiff is not installed at ${oasdiffBinary}: run \`NX_DAEMON=false npx nx run spec-review:oasdiff\``);
  }
}

/** Runs `oasdiff changelog` (every change, with its level) on two spec files; external $refs resolve beside each file. */
export function classify(basePath: string, revisionPath: string): Classification {
  if (!existsSync(oasdiffBinary)) throw new OasdiffMissingError();
  const out = execFileSync(
    oasdiffBinary,
    ['changelog', basePath, revisionPath, '--format', 'json', '--severity-levels', severityLevelsFile],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const raw = (out.trim() === '' ? [] : JSON.parse(out)) as OasdiffChange[];
  const changes = raw.map((c): Change => {
    const impact = impactOfLevel[c.level];
    if (!impact) throw new Error(`oasdiff reported an unknown level ${c.level} for ${c.id}`);
    return { id: c.id, impact, text: c.text, where: c.operation && c.path ? `${c.operation} ${c.path}` : (c.section ?? '') };
  });
  return { breaking: changes.some((c) => c.impact !== 'compatible'), changes };
}

export function formatChanges(changes: readonly Change[]): string {
  if (changes.length === 0) return '  (no changes)';
  const order: Impact[] = ['breaking', 'possibly-breaking', 'compatible'];
  return [...changes]
    .sort((a, b) => order.indexOf(a.impact) - order.indexOf(b.impact))
    .map((c) => `  ${c.impact.toUpperCase().padEnd(17)} ${c.id}: ${c.text}${c.where ? ` [${c.where}]` : ''}`)
    .join('\n');
}
