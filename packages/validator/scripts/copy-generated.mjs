// Part of `build`: tsc does not emit the generated Ajv standalone module (plain JS with its own .d.ts), so copy it.
import { cpSync } from 'node:fs';

for (const file of ['validators.js', 'validators.d.ts']) {
  cpSync(new URL(`../src/generated/${file}`, import.meta.url), new URL(`../dist/generated/${file}`, import.meta.url));
}
