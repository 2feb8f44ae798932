// Defect 3 (validator part): messages cut a long string value to 57 characters, so a token a server
// echoed into a field showed its prefix, and a caller redacting whole tokens afterwards missed it.
// Secrets are now replaced before a value is shortened.
import { describe, expect, it } from 'vitest';
import { ContractViolation, assertResponse, toErrorBody, validateRequest, validateResponse } from '../../src/index.ts';

const token = `tok-${'s3cr3t'.repeat(20)}`; // 124 characters: longer than a message shows of a value
const prefix = token.slice(0, 40);
const job = { id: 'j1', name: 'n', status: 'NO_SUCH_STATUS', description: '', create_time: '2021-01-01 00:00:00', engine_type: 'mysql', net_type: 'eip', billing_tag: false, job_direction: 'up', db_use_type: 'migration', task_type: 'FULL_INCR_TRANS', node_newFramework: false };

describe('a token echoed into a value', () => {
  it('is redacted in response messages when passed as a secret, before clipping', () => {
    const body = { total_record: 1, jobs: [{ ...job, status: `${token} and more text` }] };
    const plain = validateResponse(200, body);
    expect(plain.errors[0]?.message).toContain(prefix); // without the option the prefix shows: the defect
    const result = validateResponse(200, body, { secrets: [token] });
    expect(result.valid).toBe(false);
    const message = result.errors.map((e) => e.message).join('\n');
    expect(message).toContain('[redacted] and more text');
    expect(message).not.toContain(prefix);
    expect(message).not.toContain(token.slice(0, 8));
    let thrown: unknown;
    try {
      assertResponse(200, body, { secrets: [token] });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as ContractViolation).message).not.toContain(prefix);
  });

  it('is redacted from request body messages using the request\'s own token', () => {
    const result = validateRequest({ projectId: '054ba152d480d55b2f5dc0069e7ddef0', headers: { 'X-Auth-Token': token }, body: { db_use_type: token, cur_page: 1, per_page: 10 } });
    const violation = result.errors[0]!;
    expect(violation.message).toContain('[redacted]');
    expect(violation.message).not.toContain(prefix);
    expect(toErrorBody(violation).error_msg).not.toContain(token.slice(0, 8));
  });
});
