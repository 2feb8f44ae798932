// iterateJobs()/listAllJobs() against a paging node:http server, including servers whose
// total_record changes during the walk.
import { afterEach, describe, expect, it } from 'vitest';
import { type JobInfo, type ShowJobListRequest, type ShowJobListResponse, createDrsClient, paging } from '@drs-contract/client';
import { type TestServer, example, sendJson, startServer } from './support/server.ts';

const projectId = '054ba152d480d55b2f5dc0069e7ddef0';
const token = 'paging-token';
const template = example<ShowJobListResponse>('response-200-seed').jobs[0]!;

function job(i: number): JobInfo {
  return { ...template, id: `job-${String(i).padStart(4, '0')}`, name: `task ${i}` };
}

/** A server over a mutable task list; `afterPage` may change the list after each answer. */
async function pagingServer(tasks: JobInfo[], afterPage?: (tasks: JobInfo[], request: number) => void): Promise<TestServer> {
  return startServer((req, res, index) => {
    const { cur_page, per_page } = req.json as ShowJobListRequest;
    const start = (cur_page - 1) * per_page;
    sendJson(res, 200, { total_record: tasks.length, jobs: tasks.slice(start, start + per_page) });
    afterPage?.(tasks, index);
  });
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const pages = (s: TestServer) => s.received.map((r) => (r.json as ShowJobListRequest).cur_page);
const ids = (jobs: JobInfo[]) => jobs.map((j) => j.id);

describe('pagination', () => {
  it('walks 250 tasks in pages of the spec maximum and returns each once, in order', async () => {
    const tasks = Array.from({ length: 250 }, (_, i) => job(i));
    server = await pagingServer(tasks);
    const client = createDrsClient({ endpoint: server.url, projectId, token });

    const all = await client.listAllJobs({ db_use_type: 'migration', engine_type: '' });

    expect(ids(all)).toEqual(ids(tasks));
    expect(pages(server)).toEqual([1, 2, 3]);
    for (const r of server.received) {
      expect(r.json).toEqual({ db_use_type: 'migration', engine_type: '', cur_page: expect.any(Number), per_page: paging.per_page.maximum });
    }
  });

  it('stops fetching when the consumer breaks out', async () => {
    server = await pagingServer(Array.from({ length: 250 }, (_, i) => job(i)));
    const client = createDrsClient({ endpoint: server.url, projectId, token });
    const got: string[] = [];
    for await (const j of client.iterateJobs({ db_use_type: 'migration' })) {
      got.push(j.id);
      if (got.length === 120) break;
    }
    expect(got).toHaveLength(120);
    expect(pages(server)).toEqual([1, 2]);
  });

  it('stops at an empty page even when total_record claims more', async () => {
    server = await startServer((req, res) => {
      const { cur_page } = req.json as ShowJobListRequest;
      sendJson(res, 200, { total_record: 1000, jobs: cur_page === 1 ? [job(1), job(2)] : [] });
    });
    const all = await createDrsClient({ endpoint: server.url, projectId, token }).listAllJobs({ db_use_type: 'sync' });
    expect(ids(all)).toEqual(['job-0001', 'job-0002']);
    expect(pages(server)).toEqual([1, 2]);
  });

  it('a shrinking total (tasks deleted mid-walk) ends the walk without loops or duplicates', async () => {
    const tasks = Array.from({ length: 250 }, (_, i) => job(i));
    // After each page, the 60 newest tasks are deleted, so every later page shifts forward.
    server = await pagingServer(tasks, (list) => list.splice(0, 60));
    const all = await createDrsClient({ endpoint: server.url, projectId, token }).listAllJobs({ db_use_type: 'migration' });

    expect(new Set(ids(all)).size).toBe(all.length);
    expect(server.received.length).toBeLessThanOrEqual(3);
    expect(ids(all).slice(0, 100)).toEqual(Array.from({ length: 100 }, (_, i) => job(i).id));
  });

  it('a growing total (new tasks pushed in front) yields no task twice and still ends', async () => {
    let next = 1000;
    const tasks = Array.from({ length: 250 }, (_, i) => job(i));
    // 30 new tasks arrive after each page; they sort first (newest first, D10), pushing old ones back.
    server = await pagingServer(tasks, (list) => list.unshift(...Array.from({ length: 30 }, () => job(next++))));
    const all = await createDrsClient({ endpoint: server.url, projectId, token }).listAllJobs({ db_use_type: 'migration' });

    expect(new Set(ids(all)).size).toBe(all.length);
    // Every task that existed when the walk began is reported.
    expect(ids(all)).toEqual(expect.arrayContaining(Array.from({ length: 250 }, (_, i) => job(i).id)));
    expect(server.received.length).toBeLessThan(10);
  });

  it('a server that ignores cur_page does not make the walk loop', async () => {
    const tasks = Array.from({ length: 250 }, (_, i) => job(i));
    server = await startServer((_req, res) => sendJson(res, 200, { total_record: 250, jobs: tasks.slice(0, 100) }));
    const all = await createDrsClient({ endpoint: server.url, projectId, token }).listAllJobs({ db_use_type: 'migration' });
    expect(ids(all)).toEqual(ids(tasks.slice(0, 100)));
    expect(pages(server)).toEqual([1, 2]);
  });
});
