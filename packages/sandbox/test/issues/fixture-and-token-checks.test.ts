// Defect 18: a fixture job with two tags of one key kept only the last (the store holds one value per
// key), and token map entries with surrounding white space were accepted though they can never match.
// Both are refused at load, naming the place.
import { describe, expect, it } from 'vitest';
import { checkTokens, FixtureError, openStore, TokenFileError } from '../../src/index.ts';
import { job } from '../support.ts';

describe('loading data', () => {
  it('refuses a job with two tags of the same key', () => {
    const jobs = [job({ id: 'a1' }), job({ id: 'a2', tags: [{ key: 'env', value: 'dev' }, { key: 'team', value: 'x' }, { key: 'env', value: 'prod' }] })];
    expect(() => openStore({ jobs })).toThrow(FixtureError);
    expect(() => openStore({ jobs })).toThrow(/job 1: field tags\[2\]\.key: repeats the tag key "env"/);
  });

  it('still accepts different keys', () => {
    const store = openStore({ jobs: [job({ id: 'a1', tags: [{ key: 'env', value: 'dev' }, { key: 'team', value: 'x' }] })] });
    expect(store.size()).toBe(1);
    store.close();
  });

  it('refuses tokens and project IDs with surrounding white space', () => {
    expect(() => checkTokens({ ' tok': ['p'] }, 'tokens.json')).toThrow(TokenFileError);
    expect(() => checkTokens({ 'tok\n': ['p'] }, 'tokens.json')).toThrow(/tokens\.json: a token must not start or end with white space/);
    expect(() => checkTokens({ tok: ['p '] }, 'tokens.json')).toThrow(/a project ID must not start or end with white space/);
    expect(checkTokens({ tok: ['p'] }, 'tokens.json')).toEqual({ tok: ['p'] });
  });
});
