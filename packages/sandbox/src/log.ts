// The server's log: JSON lines, one per request plus the odd event. Written straight from the hooks
// rather than through Fastify's per-request pino child loggers, which cost this server about a
// quarter of its throughput; lines are gathered and written once per event-loop turn (or every
// 64 KiB), so a busy server makes one write call per batch instead of one per request.
export type LogLevel = 'info' | 'error';

export class JsonLog {
  private lines: string[] = [];
  private size = 0;
  private scheduled = false;

  constructor(private readonly out: NodeJS.WritableStream) {}

  /** Logs `msg` with `fields`; callers pass only what is safe to keep (never headers or tokens). */
  write(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
    const line = `${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`;
    this.lines.push(line);
    this.size += line.length;
    if (this.size >= 65_536) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    if (this.lines.length === 0) return;
    const text = this.lines.join('');
    this.lines = [];
    this.size = 0;
    this.out.write(text);
  }
}
