// The generated module must load as a plain ES module (Ajv's ESM standalone output still calls require(),
// ajv-validator/ajv#2209) and must not compile anything when imported: these run in a fresh `node`
// process, outside Vitest's module runner, and list every CommonJS module the import loaded.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validatorName } from '../scripts/schemas.ts';
import { targets } from '../src/generated/spec-data.ts';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const generated = new URL('../src/generated/validators.js', import.meta.url);
const seedRequest = (JSON.parse(readFileSync(new URL('../../../openapi/examples/request-seed.json', import.meta.url), 'utf8')) as { value: unknown }).value;

interface Probe {
  exports: string[];
  loaded: string[];
  verdicts: boolean[];
}

/** Imports `specifier` in a new node process and reports its exports and the CommonJS modules loaded. */
function probe(specifier: string, call: string | undefined, nodeArgs: string[] = []): Probe {
  const script = `
    import { createRequire } from 'node:module';
    const mod = await import(${JSON.stringify(specifier)});
    const body = ${JSON.stringify(seedRequest)};
    const verdicts = ${call === undefined ? '[]' : `[mod.${call}(body), mod.${call}({ ...body, per_page: 'x' })]`};
    const loaded = Object.keys(createRequire(process.cwd() + '/').cache);
    console.log(JSON.stringify({ exports: Object.keys(mod), loaded, verdicts }));
  `;
  const child = spawnSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', script], { cwd: packageDir, encoding: 'utf8', timeout: 20_000 });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return JSON.parse(child.stdout) as Probe;
}

const ajvCompiler = /[\\/]node_modules[\\/]ajv[\\/]dist[\\/](ajv|core|compile[\\/].*)\.js$/;
const ajvRuntime = /[\\/]node_modules[\\/]ajv[\\/]dist[\\/]runtime[\\/]/;

describe('the generated standalone module', () => {
  it('only requires Ajv runtime helpers', () => {
    const source = readFileSync(generated, 'utf8');
    const required = [...source.matchAll(/\brequire\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    for (const id of required) expect(id).toMatch(/^ajv\/dist\/runtime\//);
    expect(source).not.toMatch(/new Ajv|\.compile\(/);
  });

  it('loads as an ES module in plain node and validates without Ajv compiling anything', () => {
    const result = probe(generated.href, validatorName(targets.requestBody));
    const expected = [targets.requestBody, targets.requestHeaders, targets.requestPath, ...Object.values(targets.responses)].map(validatorName);
    expect(result.exports.sort()).toEqual([...new Set(expected)].sort());
    expect(result.verdicts).toEqual([true, false]);
    expect(result.loaded.filter((f) => ajvRuntime.test(f)).length).toBeGreaterThan(0); // the probe does see Ajv modules
    expect(result.loaded.filter((f) => ajvCompiler.test(f))).toEqual([]);
  });

  it('the package entry point does not load the compiler either', () => {
    const result = probe(new URL('../src/index.ts', import.meta.url).href, 'isShowJobListRequest', ['--import', 'tsx']);
    expect(result.verdicts).toEqual([true, false]);
    expect(result.loaded.filter((f) => ajvCompiler.test(f))).toEqual([]);
  });

  it('control: the probe does see a runtime-compiling Ajv', () => {
    const result = probe('ajv', undefined);
    expect(result.loaded.filter((f) => ajvCompiler.test(f)).length).toBeGreaterThan(0);
  });
});
