// Type-level tests, checked by tsc (vitest typecheck and the `typecheck` target): misuse of listJobs()
// is a compile error, and the exported types follow the generated spec types.
import { describe, expectTypeOf, it } from 'vitest';
import {
  type ChildrenJobInfo,
  type DbUseType,
  type DrsClient,
  type DrsClientError,
  type EngineType,
  type JobDirection,
  type JobInfo,
  type Language,
  type NetType,
  type ShowJobListRequest,
  type ShowJobListResponse,
  type TaskStatus,
  type TaskType,
  type components,
  createDrsClient,
} from '@drs-contract/client';

declare const client: DrsClient;

describe('listJobs() arguments', () => {
  it('accepts a valid query, including the "" no-filter values (D1)', () => {
    expectTypeOf(client.listJobs).toBeCallableWith({ cur_page: 1, per_page: 5, db_use_type: 'migration', engine_type: '', status: '' });
    expectTypeOf(client.listJobs).toBeCallableWith({ cur_page: 1, per_page: 5, db_use_type: 'sync', tags: [{ key: 'k', value: 'v' }] });
  });

  it('rejects a wrong enum value', () => {
    // @ts-expect-error 'replication' is not a DbUseType
    void client.listJobs({ cur_page: 1, per_page: 5, db_use_type: 'replication' });
    // @ts-expect-error 'RUNNING' is not a TaskStatus
    void client.listJobs({ cur_page: 1, per_page: 5, db_use_type: 'migration', status: 'RUNNING' });
    // @ts-expect-error 'oracle' is not an EngineType
    void client.listJobs({ cur_page: 1, per_page: 5, db_use_type: 'migration', engine_type: 'oracle' });
    // @ts-expect-error 'lan' is not a NetType
    void client.listJobs({ cur_page: 1, per_page: 5, db_use_type: 'migration', net_type: 'lan' });
  });

  it('rejects a missing required field', () => {
    // @ts-expect-error db_use_type is required
    void client.listJobs({ cur_page: 1, per_page: 5 });
    // @ts-expect-error per_page is required
    void client.listJobs({ cur_page: 1, db_use_type: 'migration' });
    // @ts-expect-error cur_page is required
    void client.listJobs({ per_page: 5, db_use_type: 'migration' });
    // @ts-expect-error a tag needs a value
    void client.listJobs({ cur_page: 1, per_page: 5, db_use_type: 'migration', tags: [{ key: 'k' }] });
  });

  it('rejects a wrong type', () => {
    // @ts-expect-error per_page is a number
    void client.listJobs({ cur_page: 1, per_page: '5', db_use_type: 'migration' });
  });

  it('iterateJobs() drives paging itself', () => {
    expectTypeOf(client.iterateJobs).toBeCallableWith({ db_use_type: 'migration', engine_type: 'mysql' });
    // @ts-expect-error a wrong enum value in iterateJobs too
    void client.iterateJobs({ db_use_type: 'dr' });
  });
});

describe('options', () => {
  it('requires token or getToken, not both', () => {
    // @ts-expect-error no credentials
    createDrsClient({ endpoint: 'http://x', projectId: 'p' });
    // @ts-expect-error both token and getToken
    createDrsClient({ endpoint: 'http://x', projectId: 'p', token: 't', getToken: () => 't' });
    // @ts-expect-error 'fr-fr' is not a Language
    createDrsClient({ endpoint: 'http://x', projectId: 'p', token: 't', language: 'fr-fr' });
  });
});

describe('exported types', () => {
  it('match the generated schema', () => {
    expectTypeOf(client.listJobs).returns.resolves.toEqualTypeOf<ShowJobListResponse>();
    expectTypeOf<ShowJobListResponse['jobs'][number]>().toEqualTypeOf<JobInfo>();
    expectTypeOf<NonNullable<JobInfo['children']>[number]>().toEqualTypeOf<ChildrenJobInfo>();
    expectTypeOf<ShowJobListRequest>().toEqualTypeOf<components['schemas']['ShowJobListRequest']>();
    expectTypeOf<JobInfo['status']>().toEqualTypeOf<TaskStatus>();
    expectTypeOf<JobInfo['engine_type']>().toEqualTypeOf<EngineType>();
    expectTypeOf<JobInfo['net_type']>().toEqualTypeOf<NetType>();
    expectTypeOf<JobInfo['db_use_type']>().toEqualTypeOf<DbUseType>();
    expectTypeOf<JobInfo['job_direction']>().toEqualTypeOf<JobDirection>();
    expectTypeOf<JobInfo['task_type']>().toEqualTypeOf<TaskType>();
    expectTypeOf<Language>().toEqualTypeOf<components['schemas']['Language']>();
    expectTypeOf<'migration'>().toExtend<DbUseType>();
  });

  it('narrows errors by kind', () => {
    const error = {} as DrsClientError;
    if (error.kind === 'api') expectTypeOf(error.status).toEqualTypeOf<number>();
    if (error.kind === 'timeout') expectTypeOf(error.timeoutMs).toEqualTypeOf<number>();
    expectTypeOf(error.kind).toEqualTypeOf<'api' | 'network' | 'timeout' | 'abort' | 'contract'>();
  });
});
