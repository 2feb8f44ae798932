export interface PrismOptions {
  /** Spec file; defaults to the bundled openapi/dist/openapi.json. */
  spec?: string;
  host?: string;
  /** Fixed port; by default a free one is picked. */
  port?: number;
  /** When set, runs `prism proxy` in front of this URL instead of `prism mock`. */
  upstream?: string;
  /** Prism's --errors: violations become error responses instead of `sl-violations` headers. */
  errors?: boolean;
  verbose?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
  timeoutMs?: number;
}
export interface PrismHandle {
  url: string;
  port: number;
  pid: number | undefined;
  /** The last few KB Prism printed. */
  output(): string;
  close(): Promise<void>;
}
export declare const workspaceRoot: string;
export declare const bundledSpec: string;
export declare function freePort(host?: string): Promise<number>;
export declare function startPrism(options?: PrismOptions): Promise<PrismHandle>;
