// Starts what the suite talks to and always stops it: the Prism mock by default; with
// CONTRACT_BASE_URL that server; with CONTRACT_TARGET=sandbox our sandbox in this process;
// with CONTRACT_PROXY=1 a `prism proxy` in front of the server, checking every response.
import type { TestProject } from 'vitest/node';
import { startPrism, type PrismHandle } from '../../../tools/prism.mjs';
import { settingsFromEnv, type ContractTarget } from './target.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    target: ContractTarget;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const settings = settingsFromEnv(process.env);
  const closers: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    closers.length = 0;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    void teardown().finally(() => process.kill(process.pid, signal));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    let upstream = settings.baseUrl;
    let token = settings.token;
    let projectId = settings.projectId;
    if (settings.kind === 'sandbox') {
      const { startSandbox } = await import('@drs-contract/sandbox');
      const sandbox = await startSandbox({ port: 0, tokens: { [token]: [projectId] } });
      closers.push(() => sandbox.close());
      upstream = sandbox.url;
    }
    let url = upstream;
    let prism: PrismHandle | undefined;
    if (!upstream) {
      prism = await startPrism();
      url = prism.url;
    } else if (settings.proxy) {
      prism = await startPrism({ upstream });
      url = prism.url;
    }
    if (prism) {
      const p = prism;
      closers.push(() => p.close());
    }
    const target: ContractTarget = {
      kind: settings.kind,
      url: String(url),
      upstream: settings.kind === 'mock' ? undefined : upstream,
      proxied: settings.kind !== 'mock' && settings.proxy,
      token,
      projectId,
      stateful: settings.kind !== 'mock',
    };
    // the summary reporter runs in this process and names the target
    process.env.CONTRACT_RESOLVED_TARGET = JSON.stringify({ ...target, token: undefined });
    project.provide('target', target);
  } catch (error) {
    await teardown();
    throw error;
  }
  return async () => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await teardown();
  };
}
