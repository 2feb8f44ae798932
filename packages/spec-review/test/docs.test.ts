// The openapi:docs page in headless Debian Chromium, driven by playwright-core: the operation, every
// request field, the 22 task statuses, the response statuses and the seed examples are on screen, and
// no request leaves the file. Expectations are read from the bundled spec. Saves a screenshot under
// artifacts/ and prints its path. (The page is openapi/docs/dist/index.html, outside openapi/dist, so
// restoring the cached bundle, whose output is openapi/dist, cannot bring back a stale page.)
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, workspaceRoot } from '../src/paths.ts';

const chromiumPath = '/usr/bin/chromium';
const page_ = join(workspaceRoot, 'openapi/docs/dist/index.html');
const screenshot = join(projectRoot, 'artifacts', 'docs-showjoblist.png');
const screenshotFull = join(projectRoot, 'artifacts', 'docs-showjoblist-full.png');

type Json = Record<string, any>;
const spec = JSON.parse(readFileSync(join(workspaceRoot, 'openapi/dist/openapi.json'), 'utf8')) as Json;
const deref = (node: Json): Json => (node.$ref ? deref(String(node.$ref).slice(2).split('/').reduce((n: Json, k) => n[k], spec)) : node);
const [[path, pathItem]] = Object.entries(spec.paths as Json) as [[string, Json]];
const [[method, operation]] = Object.entries(pathItem) as [[string, Json]];
const requestContent = operation.requestBody.content['application/json'];
const requestFields = Object.keys(deref(requestContent.schema).properties);
const statusSchema = deref(deref(requestContent.schema).properties.status);
const taskStatuses = (statusSchema.anyOf as Json[]).map(deref).find((s) => s.enum.length > 1)!.enum as string[];
const responseCodes = Object.keys(operation.responses);
const requestSeed = deref(requestContent.examples.seed);
const responseSeed = deref(deref(operation.responses['200']).content['application/json'].examples.seed);

let browser: Browser;
let page: Page;
/** every request that reached the browser's network layer (the route handler) */
const routed: string[] = [];
/** requests the page's Content-Security-Policy refused before they were sent */
const refused: string[] = [];

beforeAll(async () => {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Debian's chromium is not installed at ${chromiumPath}: run \`apt-get install -y chromium\` (.ci/run does). The docs page test needs it.`);
  }
  if (!existsSync(page_)) throw new Error(`${page_} is missing: run \`NX_DAEMON=false npx nx run openapi:docs\``);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    routed.push(url);
    return url === pathToFileURL(page_).href ? route.continue() : route.abort();
  });
  page = await context.newPage();
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText === 'csp') refused.push(r.url());
  });
  await page.goto(pathToFileURL(page_).href);
  // open the operation as a reader would: its tag, then its summary, in the sidebar
  await page.getByText(operation.tags[0], { exact: true }).first().click();
  await page.getByText(operation.summary, { exact: true }).first().click();
  await page.getByRole('heading', { name: operation.summary }).waitFor();
}, 60_000);

afterAll(async () => {
  if (page) {
    mkdirSync(join(projectRoot, 'artifacts'), { recursive: true });
    await page.getByRole('heading', { name: operation.summary }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshot });
    await page.screenshot({ path: screenshotFull, fullPage: true });
    console.log(`docs page screenshots: ${screenshot} (first screen), ${screenshotFull} (whole page)`);
  }
  await browser?.close();
});

describe(`openapi:docs page in ${chromiumPath}`, () => {
  it('shows the title with the spec version and the operation with its method and path', async () => {
    await expect(page.getByRole('heading', { name: `${spec.info.title} (${spec.info.version})` }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: operation.summary }).isVisible()).resolves.toBe(true);
    const text = await page.locator('body').innerText();
    expect(text).toContain(method.toUpperCase());
    expect(text).toContain(path);
  });

  it('renders every request body field, and no other', async () => {
    const hrefs = await page.locator('a[href*="t=request&path="]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const rendered = hrefs.map((h) => h.split('t=request&path=')[1]!).filter((f) => /^[\w-]+$/.test(f));
    expect(new Set(rendered)).toEqual(new Set(requestFields));
    for (const field of requestFields) {
      await expect(page.locator(`a[href$="t=request&path=${field}"]`).first().isVisible(), field).resolves.toBe(true);
    }
  });

  it(`renders the ${taskStatuses.length} task statuses of the status filter`, async () => {
    expect(taskStatuses).toHaveLength(22);
    const more = page.getByText(/^\+\d+ more$/);
    while ((await more.count()) > 0) await more.first().click();
    for (const status of taskStatuses) {
      await expect(page.getByText(`"${status}"`, { exact: true }).first().isVisible(), status).resolves.toBe(true);
    }
  });

  it('lists every response status code', async () => {
    const text = await page.locator('body').innerText();
    for (const code of responseCodes) expect(text.split('\n')).toContain(code);
  });

  it('shows the seed request and response examples', async () => {
    const text = await page.locator('body').innerText();
    expect(text).toContain(requestSeed.summary);
    for (const [key, value] of Object.entries(requestSeed.value as Json)) expect(text).toContain(`"${key}": ${JSON.stringify(value)}`);
    expect(text).toContain(responseSeed.description.replace(/`/g, '').trim().split('\n')[0]);
    for (const job of responseSeed.value.jobs as Json[]) {
      await expect(page.getByText(`"id": "${job.id}"`).first().isVisible(), job.id).resolves.toBe(true);
    }
  });

  it('made no request outside the file', () => {
    console.log(`requests refused by the page's Content-Security-Policy (never sent): ${refused.join(', ') || 'none'}`);
    expect(routed, routed.join("\n")).toEqual([pathToFileURL(page_).href]);
  });
});
