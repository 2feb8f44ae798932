// Defect 4: drsError filled templates with String.replace(…, userText), where `$&`, "$`" and `$'` are
// replacement patterns: a db_use_type of "$`$&" printed "{detail}", and a 14 KB path of "$`" gave a
// 252 KB answer. User text now lands literally, clipped.
import { afterAll, describe, expect, it } from 'vitest';
import { appWith, errorOf, job, post, projectA, tokenA } from '../support.ts';

const app = appWith([job({ id: 'a1' })], { [tokenA]: [projectA] });
afterAll(() => app.close());

describe('$ sequences in user text', () => {
  it('stay literal in a validation message', async () => {
    const a = await post(app, { token: tokenA, body: { db_use_type: "$`$&$'", cur_page: 1, per_page: 10 } });
    expect(a.status).toBe(400);
    expect(errorOf(a).error_msg).toContain('"$`$&$\'"');
    expect(errorOf(a).error_msg).not.toMatch(/\{detail\}|\{field\}/);
  });

  it('stay literal and clipped in a 404 path', async () => {
    const path = `/${"$'$&".repeat(3500)}`;
    const res = await app.inject({ method: 'GET', url: path });
    expect(res.statusCode).toBe(404);
    const body = JSON.parse(res.body) as { error_code: string; error_msg: string };
    expect(body.error_msg).toContain("$'$&$'$&");
    expect(body.error_msg).not.toContain('{detail}');
    expect(res.body.length).toBeLessThan(1000);
  });
});
