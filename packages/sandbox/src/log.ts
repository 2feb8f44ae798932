// The request log's sink: JSON lines gathered and written once per event-loop turn (or every
// 64 KiB), so a busy server makes one write call per batch instead of one per request.
export class BatchedLines {
  private lines: string[] = [];
  private size = 0;
  private scheduled = false;

  constructor(private readonly out: NodeJS.WritableStream) {}

  write(line: string): void {
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
