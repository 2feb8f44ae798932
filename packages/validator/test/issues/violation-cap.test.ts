// Defect 2: a 1 MiB body of 340,000 `{}` tags broke the tag rules 680,000 times, and the validator built
// a message and a params copy for each (6 s, 0.4 GB). Only the first `maxViolations` are materialised;
// the rest are counted in `omitted`.
import { describe, expect, it } from 'vitest';
import { assertShowJobListRequest, ContractViolation, maxViolations, validateRequest, validateRequestBody, validateResponse } from '../../src/index.ts';

const tags = 340_000;
const body = { db_use_type: 'migration', cur_page: 1, per_page: 10, tags: Array.from({ length: tags }, () => ({})) };

describe('a body breaking a rule hundreds of thousands of times', () => {
  it('keeps the first maxViolations violations and counts the rest', () => {
    const result = validateRequestBody(body);
    expect(result.valid).toBe(false);
    expect(result.errors).toHaveLength(maxViolations);
    expect(maxViolations).toBeGreaterThanOrEqual(50);
    // Each `{}` tag lacks both key and value (two violations), plus one for too many tags.
    expect(result.omitted).toBe(2 * tags + 1 - maxViolations);
    expect(result.errors).toContainEqual(expect.objectContaining({ pointer: '/tags/0/key', keyword: 'required', errorCode: 'DRS.M00201' }));
  });

  it('counts omitted violations in validateRequest and in the ContractViolation message', () => {
    const result = validateRequest({ projectId: '054ba152d480d55b2f5dc0069e7ddef0', headers: { 'X-Auth-Token': 't' }, body });
    expect(result.errors).toHaveLength(maxViolations);
    expect(result.omitted).toBe(2 * tags + 1 - maxViolations);
    let thrown: unknown;
    try {
      assertShowJobListRequest(body);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContractViolation);
    expect((thrown as ContractViolation).message).toContain(`and ${2 * tags + 1 - 5} more`);
  });

  it('caps response violations too, and a capped tolerant result is not valid', () => {
    const jobs = Array.from({ length: 1000 }, () => ({}));
    const result = validateResponse(200, { jobs, total_record: 1000 }, { mode: 'tolerant' });
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeLessThanOrEqual(maxViolations);
    expect(result.omitted).toBeGreaterThan(0);
  });

  it('has no omitted field when everything fits', () => {
    const result = validateRequestBody({ db_use_type: 'nope', cur_page: 1, per_page: 10 });
    expect(result.errors).toHaveLength(1);
    expect(result).not.toHaveProperty('omitted');
  });
});
