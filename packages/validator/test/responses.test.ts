import { describe, expect, it } from 'vitest';
import { assertResponse, ContractViolation, enums, isShowJobListResponse, validateResponse, type ShowJobListResponse } from '../src/index.ts';
import { exampleValue } from './support.ts';

const seed = (): ShowJobListResponse => structuredClone(exampleValue<ShowJobListResponse>('response-200-seed'));
function withFirstJob(change: (job: Record<string, unknown>) => void): ShowJobListResponse {
  const page = seed();
  const job = page.jobs[0];
  if (job === undefined) throw new Error('the seed response has no job');
  change(job as unknown as Record<string, unknown>);
  return page;
}

// PAUSING is a real DRS task status that the seed page does not list.
const pausing = withFirstJob((job) => (job.status = 'PAUSING'));

describe('strict and tolerant mode', () => {
  it('PAUSING is not one of the statuses the contract lists', () => {
    expect(enums.TaskStatus).not.toContain('PAUSING');
  });

  it('strict (the default): an unknown status fails', () => {
    for (const result of [validateResponse(200, pausing), validateResponse(200, pausing, { mode: 'strict' })]) {
      expect(result.valid).toBe(false);
      expect(result.errors).toEqual([expect.objectContaining({ pointer: '/jobs/0/status', keyword: 'enum' })]);
      expect(result.warnings).toEqual([]);
    }
    expect(isShowJobListResponse(pausing)).toBe(false);
    expect(() => assertResponse(200, pausing)).toThrow(ContractViolation);
  });

  it('tolerant: an unknown status passes with a warning naming the allowed values', () => {
    const result = validateResponse(200, pausing, { mode: 'tolerant' });
    expect(result.valid).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.value).toBe(pausing);
    expect(result.warnings).toEqual([expect.objectContaining({ pointer: '/jobs/0/status', keyword: 'enum' })]);
    expect(result.warnings[0]?.message).toBe(`jobs[0].status must be one of ${enums.TaskStatus.map((v) => `"${v}"`).join(', ')}; got "PAUSING"`);
    expect(isShowJobListResponse(pausing, { mode: 'tolerant' })).toBe(true);
    expect(() => assertResponse(200, pausing, { mode: 'tolerant' })).not.toThrow();
  });

  it('tolerant: wrong types and missing fields still fail, unknown enums stay warnings beside them', () => {
    const page = withFirstJob((job) => {
      job.status = 'PAUSING';
      job.billing_tag = 'yes';
      delete job.id;
    });
    const result = validateResponse(200, page, { mode: 'tolerant' });
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => [e.pointer, e.keyword])).toEqual(
      expect.arrayContaining([
        ['/jobs/0/billing_tag', 'type'],
        ['/jobs/0/id', 'required'],
      ]),
    );
    expect(result.errors).toHaveLength(2);
    expect(result.warnings.map((e) => e.pointer)).toEqual(['/jobs/0/status']);
    expect(isShowJobListResponse(page, { mode: 'tolerant' })).toBe(false);
    expect(() => assertResponse(200, page, { mode: 'tolerant' })).toThrow(ContractViolation);
  });

  it('tolerant: a status of the wrong type is a type error, not a warning', () => {
    const result = validateResponse(200, withFirstJob((job) => (job.status = 42)), { mode: 'tolerant' });
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => [e.pointer, e.keyword])).toEqual([['/jobs/0/status', 'type']]);
    expect(result.warnings).toEqual([]);
  });
});

describe('responses by status', () => {
  it('an error status is validated against ErrorBody', () => {
    expect(validateResponse(400, { error_code: 'DRS.M00202', error_msg: 'x' }).valid).toBe(true);
    expect(validateResponse(400, seed()).errors.map((e) => e.pointer).sort()).toEqual(['/error_code', '/error_msg']);
    expect(validateResponse(200, { error_code: 'DRS.M00202', error_msg: 'x' }).valid).toBe(false);
  });

  it('a status the contract does not declare is a violation', () => {
    const result = validateResponse(404, { error_code: 'DRS.M00202', error_msg: 'x' });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([expect.objectContaining({ pointer: '', keyword: 'status' })]);
    expect(result.errors[0]?.message).toMatch(/^HTTP status 404 is not declared by the contract \(declared: 200, 400/);
  });

  it('reports every fault of a page: three faults, three violations, no DRS codes', () => {
    const page = seed();
    Object.assign(page, { total_record: -1 });
    Object.assign(page.jobs[1] ?? {}, { create_time: '2020-12-21T10:57:49Z' });
    Object.assign(page.jobs[2] ?? {}, { job_direction: 'sideways' });
    const result = validateResponse(200, page);
    expect(result.errors.map((e) => [e.pointer, e.keyword])).toEqual([
      ['/total_record', 'minimum'],
      ['/jobs/1/create_time', 'pattern'],
      ['/jobs/2/job_direction', 'enum'],
    ]);
    for (const e of result.errors) expect(e).not.toHaveProperty('errorCode');
  });

  it('assertResponse carries the violations on the thrown error', () => {
    try {
      assertResponse(200, { jobs: 'none' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ContractViolation);
      expect(error).toMatchObject({ kind: 'response', name: 'ContractViolation' });
      expect((error as ContractViolation).errors.map((e) => e.pointer).sort()).toEqual(['/jobs', '/total_record']);
    }
  });
});
