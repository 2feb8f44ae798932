// Each filter of the request, as the spec's decisions define it, over jobs built for the purpose.
import { afterAll, describe, expect, it } from 'vitest';
import type { ShowJobListRequest } from '@drs-contract/validator';
import { appWith, ids, job, post, projectA, tokenA } from './support.ts';

const jobs = [
  job({ id: 'm-mysql-eip', name: 'Orders-Primary', create_time: '2021-03-09 10:00:00', status: 'INCRE_TRANSFER_STARTED', net_type: 'eip' }),
  job({ id: 'm-mysql-vpc', name: 'orders-replica', create_time: '2021-03-08 10:00:00', status: 'CONFIGURATION', net_type: 'vpc', enterprise_project_id: 'ep-1', tags: [{ key: 'team', value: 'payments' }, { key: 'env', value: 'prod' }] }),
  job({ id: 'm-mongo-vpn', name: 'catalog', create_time: '2021-03-07 10:00:00', engine_type: 'mongodb', net_type: 'vpn', status: 'CONFIGURATION', enterprise_project_id: 'ep-2', tags: [{ key: 'team', value: 'payments' }, { key: 'env', value: 'test' }] }),
  job({ id: 'm-pg-vpc', name: 'ledger', create_time: '2021-03-06 10:00:00', engine_type: 'postgresql', net_type: 'vpc', status: 'CREATE_FAILED', service_name: 'ledger-service', tags: [{ key: 'team', value: 'search' }] }),
  job({ id: 's-mysql-eip', name: 'sync-orders', create_time: '2021-03-05 10:00:00', db_use_type: 'sync', status: 'INCRE_TRANSFER_STARTED' }),
  job({ id: 'd-dg-vpc', name: 'dr-orders', create_time: '2021-03-04 10:00:00', db_use_type: 'cloudDataGuard', engine_type: 'cloudDataGuard-mysql', net_type: 'vpc' }),
  job({ id: 'orders', name: 'an id that reads like a name', create_time: '2021-03-03 10:00:00', engine_type: 'mysql-to-taurus' }),
];

const app = appWith(jobs, { [tokenA]: [projectA] });
afterAll(() => app.close());

const base = { cur_page: 1, per_page: 100, db_use_type: 'migration', engine_type: '' } as const;
const query = async (body: Partial<ShowJobListRequest>) => {
  const answer = await post(app, { token: tokenA, body: { ...base, ...body } });
  expect(answer.status, answer.raw).toBe(200);
  expect(answer.body.total_record).toBe(answer.body.jobs.length);
  return ids(answer);
};

describe('filters', () => {
  it('db_use_type selects the scenario (required)', async () => {
    expect(await query({ db_use_type: 'migration' })).toEqual(['m-mysql-eip', 'm-mysql-vpc', 'm-mongo-vpn', 'm-pg-vpc', 'orders']);
    expect(await query({ db_use_type: 'sync' })).toEqual(['s-mysql-eip']);
    expect(await query({ db_use_type: 'cloudDataGuard' })).toEqual(['d-dg-vpc']);
  });

  it('engine_type: absent means mysql (D7), "" means any engine (D1), a value filters', async () => {
    const { engine_type: _omit, ...withoutEngine } = base;
    const answer = await post(app, { token: tokenA, body: withoutEngine });
    expect(ids(answer)).toEqual(['m-mysql-eip', 'm-mysql-vpc']);
    expect(await query({ engine_type: '' })).toHaveLength(5);
    expect(await query({ engine_type: 'mongodb' })).toEqual(['m-mongo-vpn']);
    expect(await query({ engine_type: 'mysql-to-taurus' })).toEqual(['orders']);
    expect(await query({ db_use_type: 'cloudDataGuard', engine_type: 'cloudDataGuard-mysql' })).toEqual(['d-dg-vpc']);
    expect(await query({ engine_type: 'postgresql', db_use_type: 'sync' })).toEqual([]);
  });

  it('net_type filters, "" does not', async () => {
    expect(await query({ net_type: 'vpc' })).toEqual(['m-mysql-vpc', 'm-pg-vpc']);
    expect(await query({ net_type: 'vpn' })).toEqual(['m-mongo-vpn']);
    expect(await query({ net_type: '' })).toHaveLength(5);
  });

  it('status filters, "" does not', async () => {
    expect(await query({ status: 'CONFIGURATION' })).toEqual(['m-mysql-vpc', 'm-mongo-vpn', 'orders']);
    expect(await query({ status: 'CREATE_FAILED' })).toEqual(['m-pg-vpc']);
    expect(await query({ status: 'CHILD_TRANSFER_FAILED' })).toEqual([]);
    expect(await query({ status: '' })).toHaveLength(5);
  });

  it('enterprise_project_id filters; absent means every enterprise project', async () => {
    expect(await query({ enterprise_project_id: 'ep-1' })).toEqual(['m-mysql-vpc']);
    expect(await query({ enterprise_project_id: 'ep-2' })).toEqual(['m-mongo-vpn']);
    expect(await query({ enterprise_project_id: 'ep-3' })).toEqual([]);
  });

  it('service_name filters, "" does not', async () => {
    expect(await query({ service_name: 'ledger-service' })).toEqual(['m-pg-vpc']);
    expect(await query({ service_name: 'other' })).toEqual([]);
    expect(await query({ service_name: '' })).toHaveLength(5);
  });

  it('tags: a job matches when it carries every requested key with its value', async () => {
    expect(await query({ tags: [{ key: 'team', value: 'payments' }] })).toEqual(['m-mysql-vpc', 'm-mongo-vpn']);
    expect(await query({ tags: [{ key: 'team', value: 'payments' }, { key: 'env', value: 'prod' }] })).toEqual(['m-mysql-vpc']);
    expect(await query({ tags: [{ key: 'env', value: 'test' }, { key: 'team', value: 'payments' }] })).toEqual(['m-mongo-vpn']);
    expect(await query({ tags: [{ key: 'team', value: 'search' }, { key: 'env', value: 'prod' }] })).toEqual([]);
    expect(await query({ tags: [{ key: 'team', value: 'PAYMENTS' }] })).toEqual([]);
    expect(await query({ tags: [] })).toHaveLength(5);
  });

  it('name: case-insensitive substring of the name, or the exact task ID', async () => {
    expect(await query({ name: 'ORDERS' })).toEqual(['m-mysql-eip', 'm-mysql-vpc']);
    // the exact ID matches too (IDs are compared exactly, case included)
    expect(await query({ name: 'orders' })).toEqual(['m-mysql-eip', 'm-mysql-vpc', 'orders']);
    expect(await query({ name: 'replica' })).toEqual(['m-mysql-vpc']);
    expect(await query({ name: 'm-pg-vpc' })).toEqual(['m-pg-vpc']);
    // a fragment of an ID is not an ID
    expect(await query({ name: 'm-pg' })).toEqual([]);
    expect(await query({ name: '%' })).toEqual([]);
    expect(await query({ name: '' })).toHaveLength(5);
  });

  it('filters combine with AND', async () => {
    expect(await query({ engine_type: 'mysql', net_type: 'vpc', status: 'CONFIGURATION', name: 'orders', tags: [{ key: 'env', value: 'prod' }], enterprise_project_id: 'ep-1' })).toEqual(['m-mysql-vpc']);
    expect(await query({ engine_type: 'mysql', net_type: 'vpc', status: 'INCRE_TRANSFER_STARTED' })).toEqual([]);
  });

  it('answers never carry the tenant-only data (project, enterprise project, service, tags)', async () => {
    const answer = await post(app, { token: tokenA, body: { ...base, name: 'replica' } });
    expect(Object.keys(answer.body.jobs[0] ?? {}).sort()).toEqual(
      ['billing_tag', 'create_time', 'db_use_type', 'description', 'engine_type', 'id', 'job_direction', 'name', 'net_type', 'node_newFramework', 'status', 'task_type'].sort(),
    );
  });

  it('ignores unknown request properties (D9)', async () => {
    expect(await query({ ...({ future_filter: 'x' } as object) })).toHaveLength(5);
  });
});
