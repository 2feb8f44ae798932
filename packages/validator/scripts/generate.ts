// Nx `generate` target: reads openapi/dist/openapi.json (the bundled spec, the only input) and writes
// src/generated/:
//   validators.js   Ajv standalone ESM code, one precompiled function per schema (no Ajv compile at run time)
//   validators.d.ts its declarations
//   spec-data.ts    enum tuples, request limits, the x-drs-error-codes registry and x-drs-rules, as const
//   openapi.ts      openapi-typescript types of the whole document
//   schemas.json    the JSON Schema document Ajv compiled (tests and the benchmark compile it again at run time)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import { ajvOptions, at, contractSchemas, deref, obj, operationPointer, readSpec, schemaId, validatorName, type Json, type JsonObject } from './schemas.ts';

const standaloneCode = standaloneCodeModule.default;
const outDir = fileURLToPath(new URL('../src/generated/', import.meta.url));
const header = ' generated — do not edit. Source: openapi/dist/openapi.json, generator: packages/validator/scripts/generate.ts ';
const f = ts.factory;
const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });

function print(statements: ts.Statement[]): string {
  const first = statements[0];
  if (first) {
    const headerComment = { kind: ts.SyntaxKind.MultiLineCommentTrivia, text: header, hasTrailingNewLine: true, pos: -1, end: -1 } as const;
    ts.setSyntheticLeadingComments(first, [headerComment, ...(ts.getSyntheticLeadingComments(first) ?? [])]);
  }
  const file = f.createSourceFile(statements, f.createToken(ts.SyntaxKind.EndOfFileToken), ts.NodeFlags.None);
  return printer.printFile(file);
}

/** A JSON value as a TypeScript literal expression. */
function literal(value: Json): ts.Expression {
  if (value === null) return f.createNull();
  if (typeof value === 'string') return ts.setEmitFlags(f.createStringLiteral(value), ts.EmitFlags.NoAsciiEscaping);
  if (typeof value === 'boolean') return value ? f.createTrue() : f.createFalse();
  if (typeof value === 'number') {
    return value < 0 ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, f.createNumericLiteral(-value)) : f.createNumericLiteral(value);
  }
  if (Array.isArray(value)) return f.createArrayLiteralExpression(value.map(literal), false);
  return f.createObjectLiteralExpression(
    Object.entries(value).map(([k, v]) => f.createPropertyAssignment(f.createStringLiteral(k), literal(v))),
    true,
  );
}

/** `export const name = <value> as const;` with a doc comment. */
function exportConst(name: string, value: Json, doc: string): ts.Statement {
  const statement = f.createVariableStatement(
    [f.createModifier(ts.SyntaxKind.ExportKeyword)],
    f.createVariableDeclarationList(
      [f.createVariableDeclaration(name, undefined, undefined, f.createAsExpression(literal(value), f.createTypeReferenceNode('const')))],
      ts.NodeFlags.Const,
    ),
  );
  return ts.addSyntheticLeadingComment(statement, ts.SyntaxKind.MultiLineCommentTrivia, `* ${doc} `, true);
}

function num(value: Json | undefined, where: string): number {
  if (typeof value !== 'number') throw new Error(`${where}: expected a number in the spec`);
  return value;
}
function str(value: Json | undefined, where: string): string {
  if (typeof value !== 'string') throw new Error(`${where}: expected a string in the spec`);
  return value;
}

/** The data other packages read instead of copying it from the spec. */
function specData(doc: JsonObject, schemas: ReturnType<typeof contractSchemas>): ts.Statement[] {
  const components = obj(at(doc, '#/components/schemas'), 'components/schemas');
  const enums: JsonObject = {};
  for (const [name, schema] of Object.entries(components)) {
    const s = obj(schema, name);
    if (s.type === 'string' && Array.isArray(s.enum)) enums[name] = s.enum;
  }

  const body = deref(doc, at(doc, `#/components/schemas/${schemas.targets.requestBody}`), 'request body');
  const props = obj(body.properties, 'request properties');
  const field = (name: string): JsonObject => deref(doc, props[name], `request ${name}`);
  const tag = deref(doc, obj(field('tags').items, 'tags items'), 'tag');
  const tagProps = obj(tag.properties, 'tag properties');
  const tagKey = deref(doc, tagProps.key, 'tag key');
  const tagValue = deref(doc, tagProps.value, 'tag value');
  const language = deref(doc, at(doc, '#/components/schemas/Language'), 'Language');
  const requestLimits: JsonObject = {
    perPage: { min: num(field('per_page').minimum, 'per_page.minimum'), max: num(field('per_page').maximum, 'per_page.maximum'), default: num(field('per_page').default, 'per_page.default') },
    curPage: { min: num(field('cur_page').minimum, 'cur_page.minimum'), max: num(field('cur_page').maximum, 'cur_page.maximum'), default: num(field('cur_page').default, 'cur_page.default') },
    tags: {
      maxItems: num(field('tags').maxItems, 'tags.maxItems'),
      keyMinLength: num(tagKey.minLength, 'tag key minLength'),
      keyMaxLength: num(tagKey.maxLength, 'tag key maxLength'),
      valueMaxLength: num(tagValue.maxLength, 'tag value maxLength'),
      keyPattern: str(tagKey.pattern, 'tag key pattern'),
      valuePattern: str(tagValue.pattern, 'tag value pattern'),
    },
    engineTypeDefault: str(field('engine_type').default, 'engine_type.default'),
    languageDefault: str(language.default, 'Language.default'),
  };

  const registry: JsonObject = {};
  for (const entry of doc['x-drs-error-codes'] as Json[]) {
    const e = obj(entry, 'x-drs-error-codes');
    registry[str(e.code, 'error code')] = e;
  }
  const rules = obj(at(doc, operationPointer), 'operation')['x-drs-rules'] ?? [];

  return [
    exportConst('enums', enums, 'Every string enum of `#/components/schemas`, in spec order.'),
    exportConst('requestLimits', requestLimits, 'Limits and defaults of the ShowJobList request fields.'),
    exportConst('errorCodes', Object.keys(registry), 'Codes of the `x-drs-error-codes` registry.'),
    exportConst('errorRegistry', registry, 'The `x-drs-error-codes` registry: status and message templates by code.'),
    exportConst('rules', rules, 'The `x-drs-rules` of ShowJobList: cross-field rules JSON Schema cannot express.'),
    exportConst('targets', { ...schemas.targets, headerNames: schemas.headerNames, tokenHeaderNames: schemas.tokenHeaderNames, pathNames: schemas.pathNames }, 'Which schema validates which part of a request or response.'),
  ];
}

/** Declarations of validators.js. */
function validatorDeclarations(names: string[]): ts.Statement[] {
  const typeImport = f.createImportDeclaration(
    undefined,
    f.createImportClause(true, undefined, f.createNamedImports([f.createImportSpecifier(false, undefined, f.createIdentifier('StandaloneValidator'))])),
    f.createStringLiteral('../standalone.js'),
  );
  const declarations = names.map((name) =>
    f.createVariableStatement(
      [f.createModifier(ts.SyntaxKind.ExportKeyword), f.createModifier(ts.SyntaxKind.DeclareKeyword)],
      f.createVariableDeclarationList([f.createVariableDeclaration(name, undefined, f.createTypeReferenceNode('StandaloneValidator'))], ts.NodeFlags.Const),
    ),
  );
  return [typeImport, ...declarations];
}

/**
 * Ajv's ESM standalone output still loads its runtime helpers (e.g. `ucs2length` for minLength/maxLength)
 * with `require(...)` (ajv-validator/ajv#2209), which does not exist in an ES module: give the module one.
 */
function requirePreamble(): string {
  const importCreateRequire = f.createImportDeclaration(
    undefined,
    f.createImportClause(false, undefined, f.createNamedImports([f.createImportSpecifier(false, undefined, f.createIdentifier('createRequire'))])),
    f.createStringLiteral('node:module'),
  );
  const requireConst = f.createVariableStatement(
    undefined,
    f.createVariableDeclarationList(
      [f.createVariableDeclaration('require', undefined, undefined, f.createCallExpression(f.createIdentifier('createRequire'), undefined, [f.createPropertyAccessExpression(f.createMetaProperty(ts.SyntaxKind.ImportKeyword, f.createIdentifier('meta')), 'url')]))],
      ts.NodeFlags.Const,
    ),
  );
  return print([importCreateRequire, requireConst]);
}

async function main(): Promise<void> {
  const doc = readSpec();
  const schemas = contractSchemas(doc);
  const used = [...new Set([schemas.targets.requestBody, schemas.targets.requestHeaders, schemas.targets.requestPath, ...Object.values(schemas.targets.responses)])];
  const exportsMap = Object.fromEntries(used.map((name) => [validatorName(name), `${schemaId}#/$defs/${name}`]));

  const ajv = new Ajv({ ...ajvOptions, schemas: [schemas.document as object] });
  const code = standaloneCode(ajv, exportsMap);
  const js = /\brequire\(/.test(code) ? `${requirePreamble()}${code}` : `/*${header}*/\n${code}`;

  const types = astToString(await openapiTS(doc as unknown as OpenAPI3, { silent: true, defaultNonNullable: false }));

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(`${outDir}validators.js`, js);
  writeFileSync(`${outDir}validators.d.ts`, print(validatorDeclarations(Object.keys(exportsMap))));
  writeFileSync(`${outDir}spec-data.ts`, print(specData(doc, schemas)));
  writeFileSync(`${outDir}openapi.ts`, `/*${header}*/\n${types}`);
  writeFileSync(`${outDir}schemas.json`, `${JSON.stringify({ $comment: header.trim(), ...schemas.document }, null, 2)}\n`);
  console.log(`generated ${Object.keys(exportsMap).join(', ')} -> packages/validator/src/generated/`);
}

await main();
