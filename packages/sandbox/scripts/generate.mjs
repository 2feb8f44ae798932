#!/usr/bin/env node
// Writes src/generated/seed.ts from the bundled spec (openapi/dist/openapi.json, the only input):
// the seed's example request and response and the example project ID, so the sandbox's default
// data and its tests never hold a hand-made copy of the reference page's example.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = dirname(fileURLToPath(import.meta.url));
const specPath = join(here, '../../../openapi/dist/openapi.json');
const outDir = join(here, '../src/generated');
const spec = JSON.parse(readFileSync(specPath, 'utf8'));

function at(pointer) {
  let node = spec;
  for (const raw of pointer.replace(/^#\//, '').split('/')) {
    node = node?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (node === undefined) throw new Error(`${specPath}: nothing at ${pointer}`);
  }
  return node;
}
const deref = (node) => (node && typeof node.$ref === 'string' ? deref(at(node.$ref)) : node);

const operation = at('#/paths/~1v3~1{project_id}~1jobs/post');
const seedRequest = deref(operation.requestBody.content['application/json'].examples.seed).value;
const seedResponse = deref(operation.responses['200'].content['application/json'].examples.seed).value;
const projectParam = operation.parameters.map(deref).find((p) => p.in === 'path' && p.name === 'project_id');
const seedProjectId = projectParam?.schema?.example ?? projectParam?.example;
if (typeof seedProjectId !== 'string' || !seedRequest || !seedResponse) {
  throw new Error(`${specPath}: the seed request, response or project_id example is missing`);
}

const f = ts.factory;

/** A JSON value as a TypeScript literal expression. */
function literal(value) {
  if (value === null) return f.createNull();
  if (typeof value === 'string') return ts.setEmitFlags(f.createStringLiteral(value), ts.EmitFlags.NoAsciiEscaping);
  if (typeof value === 'boolean') return value ? f.createTrue() : f.createFalse();
  if (typeof value === 'number') {
    return value < 0 ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, f.createNumericLiteral(-value)) : f.createNumericLiteral(value);
  }
  if (Array.isArray(value)) return f.createArrayLiteralExpression(value.map(literal), true);
  return f.createObjectLiteralExpression(
    Object.entries(value).map(([k, v]) => f.createPropertyAssignment(f.createStringLiteral(k), literal(v))),
    true,
  );
}

/** `export const name: type = <value>;` with a doc comment. */
function exportConst(name, type, value, doc) {
  const statement = f.createVariableStatement(
    [f.createModifier(ts.SyntaxKind.ExportKeyword)],
    f.createVariableDeclarationList(
      [f.createVariableDeclaration(name, undefined, f.createTypeReferenceNode(type), literal(value))],
      ts.NodeFlags.Const,
    ),
  );
  return ts.addSyntheticLeadingComment(statement, ts.SyntaxKind.MultiLineCommentTrivia, `* ${doc} `, true);
}

const typesImport = f.createImportDeclaration(
  undefined,
  f.createImportClause(
    true,
    undefined,
    f.createNamedImports(['ShowJobListRequest', 'ShowJobListResponse'].map((n) => f.createImportSpecifier(false, undefined, f.createIdentifier(n)))),
  ),
  f.createStringLiteral('@drs-contract/validator'),
);
ts.addSyntheticLeadingComment(
  typesImport,
  ts.SyntaxKind.SingleLineCommentTrivia,
  ' generated — do not edit. Written by packages/sandbox/scripts/generate.mjs from openapi/dist/openapi.json.',
  true,
);
const statements = [
  typesImport,
  exportConst('seedProjectId', 'string', seedProjectId, "The example project_id of the spec's ProjectId parameter (the reference page's project)."),
  exportConst('seedRequest', 'ShowJobListRequest', seedRequest, "The reference page's example request (the spec's `seed` request example)."),
  exportConst('seedResponse', 'ShowJobListResponse', seedResponse, "The reference page's example response (the spec's `seed` 200 example)."),
];
const file = f.createSourceFile(statements, f.createToken(ts.SyntaxKind.EndOfFileToken), ts.NodeFlags.None);
const source = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed }).printFile(file);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'seed.ts'), source);
console.log('generated packages/sandbox/src/generated/seed.ts');
