// Defect 4: toErrorBody filled the registry template with String.replaceAll(…, text), where `$&`, "$`"
// and `$'` in the user's text are replacement patterns: "$`$&" printed "{detail}" back, and a long path
// of "$`" multiplied the answer. User text must land literally, clipped.
import { describe, expect, it } from 'vitest';
import { toErrorBody, validateRequest, validateRequestBody } from '../../src/index.ts';

describe('user text in error_msg', () => {
  it('keeps $ sequences literal', () => {
    const result = validateRequestBody({ db_use_type: "$`$&$'", cur_page: 1, per_page: 10 });
    const body = toErrorBody(result.errors[0]!, 'en-us');
    expect(body.error_code).toBe('DRS.M00202');
    expect(body.error_msg).toContain('"$`$&$\'"');
    expect(body.error_msg).not.toContain('{detail}');
    expect(body.error_msg).not.toContain('{field}');
  });

  it('clips a long value instead of multiplying it', () => {
    const result = validateRequest({ projectId: '054ba152d480d55b2f5dc0069e7ddef0', headers: { 'X-Auth-Token': 't' }, body: { db_use_type: '$`'.repeat(7000), cur_page: 1, per_page: 10 } });
    const body = toErrorBody(result.errors[0]!, 'zh-cn');
    expect(body.error_msg.length).toBeLessThan(1000);
    expect(body.error_msg).toContain('$`$`');
  });
});
