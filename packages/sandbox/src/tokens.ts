// Tokens and the projects each may read. Stands in for IAM: a token is either known, and then
// holds a set of projects, or it is invalid.
import { readFileSync } from 'node:fs';

/** token → the project IDs it may read. */
export type TokenMap = Readonly<Record<string, readonly string[]>>;

/** The development token `npm start` prints; it holds the seed's project (and generated ones). */
export const devToken = 'drs-sandbox-dev-token';

/** Environment variable that may hold a token map as JSON. */
export const tokensEnv = 'DRS_SANDBOX_TOKENS';

export class TokenFileError extends Error {
  override readonly name = 'TokenFileError';
}

/** Checks a token map: an object whose keys are non-empty tokens and values arrays of non-empty project IDs. */
export function checkTokens(value: unknown, source: string): TokenMap {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TokenFileError(`${source}: expected an object mapping each token to an array of project IDs`);
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) throw new TokenFileError(`${source}: holds no token`);
  for (const [token, projects] of entries) {
    if (token.trim() === '') throw new TokenFileError(`${source}: a token must not be empty`);
    // A token or project ID with surrounding white space could never match a request's.
    if (token.trim() !== token) throw new TokenFileError(`${source}: a token must not start or end with white space`);
    if (!Array.isArray(projects) || projects.some((p) => typeof p !== 'string' || p.trim() === '')) {
      throw new TokenFileError(`${source}: the projects of a token must be an array of non-empty strings`);
    }
    if (projects.some((p: string) => p.trim() !== p)) throw new TokenFileError(`${source}: a project ID must not start or end with white space`);
  }
  return value as TokenMap;
}

/** Reads a token map from a JSON file: `{ "<token>": ["<project_id>", ...] }`. */
export function loadTokens(file: string): TokenMap {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TokenFileError(`${file}: cannot be read as JSON (${(error as Error).message})`);
  }
  return checkTokens(parsed, file);
}

/** Looks tokens up in constant time per request. */
export class TokenIndex {
  private readonly projects = new Map<string, ReadonlySet<string>>();

  constructor(tokens: TokenMap) {
    for (const [token, projects] of Object.entries(tokens)) this.projects.set(token, new Set(projects));
  }

  /** The projects a token holds, or undefined for an unknown token. */
  lookup(token: string): ReadonlySet<string> | undefined {
    return this.projects.get(token);
  }
}
