#!/usr/bin/env node
// Generates src/generated/ from the bundled spec (openapi/dist/openapi.json), through the tools' own APIs:
//   schema.ts  the types, by openapi-typescript (a .ts file, so `tsc` emits its declarations into dist/);
//   paging.ts  the paging limits of ShowJobListRequest, as TypeScript AST built with the compiler's factory.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const spec = JSON.parse(readFileSync(join(pkg, '../../openapi/dist/openapi.json'), 'utf8'));
const outDir = join(pkg, 'src/generated');
const banner = `// generated — do not edit. From openapi/dist/openapi.json (${spec.info.title} ${spec.info.version})\n// by packages/client/scripts/generate.mjs.\n\n`;

// defaultNonNullable off: a request field with a default (engine_type) stays optional as the spec says.
const schemaAst = await openapiTS(spec, { defaultNonNullable: false, silent: true });

const f = ts.factory;
function literal(value) {
  if (typeof value === 'number') return value < 0 ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, f.createNumericLiteral(-value)) : f.createNumericLiteral(value);
  if (typeof value === 'string') return f.createStringLiteral(value);
  if (typeof value === 'boolean') return value ? f.createTrue() : f.createFalse();
  return f.createObjectLiteralExpression(Object.entries(value).map(([k, v]) => f.createPropertyAssignment(k, literal(v))), true);
}
const pick = (schema, keys) => Object.fromEntries(keys.filter((k) => k in schema).map((k) => [k, schema[k]]));
const props = spec.components.schemas.ShowJobListRequest.properties;
const paging = { cur_page: pick(props.cur_page, ['minimum', 'maximum', 'default']), per_page: pick(props.per_page, ['minimum', 'maximum', 'default']) };
const pagingAst = f.createVariableStatement(
  [f.createModifier(ts.SyntaxKind.ExportKeyword)],
  f.createVariableDeclarationList(
    [f.createVariableDeclaration('paging', undefined, undefined, f.createAsExpression(literal(paging), f.createTypeReferenceNode('const')))],
    ts.NodeFlags.Const,
  ),
);
const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
const pagingSource = printer.printNode(ts.EmitHint.Unspecified, pagingAst, ts.createSourceFile('paging.ts', '', ts.ScriptTarget.ES2022));

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'schema.ts'), banner + astToString(schemaAst));
writeFileSync(join(outDir, 'paging.ts'), banner + '/** Limits of ShowJobListRequest.cur_page and .per_page in the spec. */\n' + pagingSource + '\n');
console.log('generated packages/client/src/generated/{schema,paging}.ts');
