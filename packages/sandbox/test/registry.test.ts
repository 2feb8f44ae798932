// The error registry the sandbox answers from (the spec's x-drs-error-codes, generated into the
// validator) against the spec's own documentation: every code documented, every documented code known.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorRegistry } from '@drs-contract/validator';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const spec = JSON.parse(readFileSync(join(import.meta.dirname, '../../../openapi/dist/openapi.json'), 'utf8')) as { [key: string]: Json };
const codePattern = /DRS\.[A-Z]\d{5}/g;

/** The codes the spec documents for errors: in the descriptions of its error responses and ErrorBody, and the error_code of its error examples. */
function documentedCodes(): Map<string, number[]> {
  const found = new Map<string, number[]>();
  const note = (code: string, status: number) => found.set(code, [...(found.get(code) ?? []), status]);
  const deref = (node: Json): Json => {
    if (node && typeof node === 'object' && !Array.isArray(node) && typeof node.$ref === 'string') {
      let target: Json = spec;
      for (const key of node.$ref.slice(2).split('/')) target = (target as { [key: string]: Json })[key.replace(/~1/g, '/').replace(/~0/g, '~')] ?? null;
      return deref(target);
    }
    return node;
  };
  const operation = ((spec.paths as { [k: string]: { [k: string]: Json } })['/v3/{project_id}/jobs'] ?? {}).post as { responses: { [status: string]: Json } };
  for (const [status, ref] of Object.entries(operation.responses)) {
    if (Number(status) < 400) continue;
    const response = deref(ref) as { description?: string; content?: { [type: string]: { examples?: { [name: string]: Json } } } };
    for (const code of response.description?.match(codePattern) ?? []) note(code, Number(status));
    for (const media of Object.values(response.content ?? {})) {
      for (const example of Object.values(media.examples ?? {})) {
        const value = (deref(example) as { value?: { error_code?: string } }).value;
        if (value?.error_code) note(value.error_code, Number(status));
      }
    }
  }
  return found;
}

describe('error registry', () => {
  const documented = documentedCodes();
  const registered = Object.values(errorRegistry);

  // Every description in the document, for codes of statuses the operation does not declare (404, 405).
  const descriptions: string[] = [];
  const walk = (node: Json) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) k === 'description' && typeof v === 'string' ? descriptions.push(v) : walk(v);
  };
  walk(spec);

  it('documents every registry code: in the error response of its status, or in a description when the operation declares no such status', () => {
    const declared = new Set([...documented.values()].flat());
    for (const entry of registered) {
      if (declared.has(entry.status)) {
        expect(documented.get(entry.code), `${entry.code} is not documented by the ${entry.status} response`).toContain(entry.status);
      } else {
        expect(descriptions.some((d) => d.includes(entry.code)), `${entry.code} (${entry.status}) is documented nowhere`).toBe(true);
      }
    }
  });

  it('registers every code the spec documents', () => {
    const codes = new Set(registered.map((e) => e.code as string));
    for (const code of documented.keys()) expect(codes.has(code), `${code} is documented but not in x-drs-error-codes`).toBe(true);
  });

  it('gives every registry code an English and a Chinese message', () => {
    for (const entry of registered) {
      expect(entry['en-us'].trim()).not.toBe('');
      expect(entry['zh-cn']).toMatch(/[\u4e00-\u9fff]/);
      // the same placeholders in both languages
      expect(entry['zh-cn'].match(/\{\w+\}/g) ?? []).toEqual(entry['en-us'].match(/\{\w+\}/g) ?? []);
    }
  });
});
