// Which server the suite talks to, decided once from the environment (see README).
export type TargetKind = 'mock' | 'server' | 'sandbox';

export interface ContractTarget {
  /** What is behind `url`: the Prism mock, a real server from CONTRACT_BASE_URL, or our sandbox. */
  kind: TargetKind;
  /** The URL the suite calls (Prism's, when Prism proxies the target). */
  url: string;
  /** The server itself, when Prism proxies it. */
  upstream: string | undefined;
  proxied: boolean;
  token: string;
  projectId: string;
  /** A server with state, where filters really filter: everything but the mock. */
  stateful: boolean;
}

export const seedProjectId = '054ba152d480d55b2f5dc0069e7ddef0';

export interface TargetSettings {
  kind: TargetKind;
  baseUrl: string | undefined;
  token: string;
  projectId: string;
  proxy: boolean;
}

/** Reads CONTRACT_TARGET / CONTRACT_BASE_URL / CONTRACT_TOKEN / CONTRACT_PROJECT_ID / CONTRACT_PROXY. */
export function settingsFromEnv(env: Record<string, string | undefined>): TargetSettings {
  const baseUrl = env.CONTRACT_BASE_URL?.trim() || undefined;
  const named = env.CONTRACT_TARGET?.trim();
  if (named && named !== 'mock' && named !== 'sandbox' && named !== 'server') {
    throw new Error(`CONTRACT_TARGET must be mock, sandbox or server, got "${named}"`);
  }
  const kind: TargetKind = named === 'sandbox' ? 'sandbox' : baseUrl ? 'server' : named === 'server' ? 'server' : 'mock';
  if (kind === 'server' && !baseUrl) throw new Error('CONTRACT_TARGET=server needs CONTRACT_BASE_URL');
  if (baseUrl) {
    const u = new URL(baseUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`CONTRACT_BASE_URL must be http(s), got ${u.protocol}`);
  }
  return {
    kind,
    baseUrl: kind === 'server' ? baseUrl : undefined,
    token: env.CONTRACT_TOKEN ?? 'contract-suite-token',
    projectId: env.CONTRACT_PROJECT_ID ?? seedProjectId,
    proxy: env.CONTRACT_PROXY === '1' || env.CONTRACT_PROXY === 'true',
  };
}
