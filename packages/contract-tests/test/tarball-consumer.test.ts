// A consumer in another repo: pack the client and validator, install the tarballs into a folder
// outside the workspace, type-check and run a script that calls the Prism mock through them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrism, type PrismHandle } from '../../../tools/prism.mjs';

const workspace = join(import.meta.dirname, '../../..');
const consumer = mkdtempSync(join(tmpdir(), 'drs-consumer-'));
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' } });

let prism: PrismHandle;
beforeAll(async () => {
  prism = await startPrism();
});
afterAll(async () => {
  await prism?.close();
  rmSync(consumer, { recursive: true, force: true });
});

describe('the packed client and validator, installed in another repo', () => {
  it('install, type-check and call the mock', () => {
    for (const pkg of ['validator', 'client']) npm(['pack', '--pack-destination', consumer], join(workspace, 'packages', pkg));
    const tarballs = readdirSync(consumer).filter((f) => f.endsWith('.tgz'));
    expect(tarballs).toHaveLength(2);
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2),
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'out', skipLibCheck: false, types: ['node'] }, include: ['main.ts'] }),
    );
    writeFileSync(
      join(consumer, 'main.ts'),
      [
        "import { createDrsClient, DrsApiError, type JobInfo } from '@drs-contract/client';",
        "import * as validator from '@drs-contract/validator';",
        "const { validateResponse, enums } = validator;",
        "const drs = createDrsClient({ endpoint: process.argv[2] ?? '', projectId: '054ba152d480d55b2f5dc0069e7ddef0', token: 'consumer-token', validate: validator });",
        "const page = await drs.listJobs({ cur_page: 1, per_page: 5, db_use_type: 'migration', engine_type: '', name: '', net_type: '', status: '' });",
        'const first: JobInfo | undefined = page.jobs[0];',
        "const strict = validateResponse(200, page, { mode: 'strict' });",
        'let refused = 0;',
        "try { await drs.listJobs({ cur_page: 1, per_page: 101, db_use_type: 'migration' }); } catch (e) { if (e instanceof DrsApiError) refused = e.status; }",
        'console.log(JSON.stringify({ total: page.total_record, jobs: page.jobs.length, first: first?.id, valid: strict.valid, statuses: enums.TaskStatus.length, refused }));',
      ].join('\n'),
    );
    npm(['install', '--no-save', '--prefer-offline', ...tarballs.map((t) => `./${t}`), 'typescript@5.9.3', '@types/node@20.19.43'], consumer);
    try {
      execFileSync(process.execPath, [join(consumer, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: consumer, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      throw new Error(`the consumer does not type-check:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
    const out = execFileSync(process.execPath, [join(consumer, 'out/main.js'), prism.url], { cwd: consumer, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ total: 7, jobs: 5, first: '24834eb6-be30-464e-a299-f7aa730jb101', valid: true, statuses: 22, refused: 400 });
  });
});
