// The server's side of the embedded database's thread (pglite-thread.worker.ts): a socket-like
// stream per connection that the `pg` driver writes its protocol bytes to.
import { Duplex } from 'node:stream';
import { Worker } from 'node:worker_threads';

/** `checkpoint` overrides when the thread checkpoints a data directory (tests use small values). */
export type PgliteThreadOptions = {
  dataDir: string | null;
  templatePath: string | null;
  checkpoint?: { walBytes: number; lookEveryMs: number };
};

export type ThreadRequest =
  | { type: 'open' | 'end'; connection: number }
  | { type: 'data'; connection: number; bytes: Uint8Array }
  | { type: 'dump' | 'close' };

export type ThreadReply =
  | { type: 'ready' | 'closed' }
  | { type: 'data'; connection: number; bytes: Uint8Array }
  | { type: 'dump'; bytes: Uint8Array }
  | { type: 'failed'; connection: number | null; message: string };

/** How a lost thread reads to the driver: a reset connection, which the app answers with 503. */
function connectionLost(message: string): Error {
  return Object.assign(new Error(`PGlite is closed: ${message}`), { code: 'ECONNRESET' });
}

export class PgliteThread {
  private readonly worker: Worker;
  private readonly streams = new Map<number, PgliteThreadStream>();
  private nextConnection = 1;
  private failure: Error | null = null;
  private waitingForDump: ((bytes: Uint8Array) => void) | null = null;
  private waitingForClose: (() => void) | null = null;

  private constructor(options: PgliteThreadOptions) {
    // Plain JavaScript, so that the thread starts without a TypeScript loader.
    this.worker = new Worker(new URL('./pglite-thread.worker.mjs', import.meta.url), {
      workerData: options,
    });
  }

  static async start(options: PgliteThreadOptions): Promise<PgliteThread> {
    const thread = new PgliteThread(options);
    await new Promise<void>((resolve, reject) => {
      thread.worker.once('error', reject);
      thread.worker.once('message', (reply: ThreadReply) => {
        thread.worker.off('error', reject);
        if (reply.type === 'ready') resolve();
        else reject(new Error(reply.type === 'failed' ? reply.message : `unexpected ${reply.type}`));
      });
    });
    thread.worker.on('message', (reply: ThreadReply) => thread.receive(reply));
    thread.worker.on('error', (error) => thread.fail(error.message));
    thread.worker.on('exit', (code) => thread.fail(`the database thread exited (${code})`));
    return thread;
  }

  private receive(reply: ThreadReply): void {
    switch (reply.type) {
      case 'data':
        this.streams.get(reply.connection)?.push(Buffer.from(reply.bytes));
        return;
      case 'failed':
        if (reply.connection === null) this.fail(reply.message);
        else this.streams.get(reply.connection)?.destroy(connectionLost(reply.message));
        return;
      case 'dump':
        this.waitingForDump?.(reply.bytes);
        return;
      case 'closed':
        this.waitingForClose?.();
        return;
    }
  }

  private fail(message: string): void {
    if (this.failure) return;
    this.failure = connectionLost(message);
    for (const stream of this.streams.values()) stream.destroy(this.failure);
    this.streams.clear();
  }

  send(request: ThreadRequest, transfer: ArrayBuffer[] = []): void {
    if (!this.failure) this.worker.postMessage(request, transfer);
  }

  /** A new connection's stream, for pg's `stream` option. */
  openStream(): PgliteThreadStream {
    const connection = this.nextConnection++;
    const stream = new PgliteThreadStream(this, connection);
    if (this.failure) {
      queueMicrotask(() => stream.destroy(this.failure!));
      return stream;
    }
    this.streams.set(connection, stream);
    this.send({ type: 'open', connection });
    stream.once('close', () => {
      this.streams.delete(connection);
      this.send({ type: 'end', connection });
    });
    return stream;
  }

  /** The whole database as an uncompressed tar, for test templates. */
  dump(): Promise<Uint8Array> {
    return new Promise((resolve) => {
      this.waitingForDump = resolve;
      this.send({ type: 'dump' });
    });
  }

  async close(): Promise<void> {
    if (!this.failure) {
      await new Promise<void>((resolve) => {
        this.waitingForClose = resolve;
        this.send({ type: 'close' });
      });
    }
    this.failure ??= connectionLost('closed');
    await this.worker.terminate();
  }
}

/** What `pg` needs of a socket: connect, write, read, end. */
export class PgliteThreadStream extends Duplex {
  constructor(
    private readonly thread: PgliteThread,
    private readonly connection: number,
  ) {
    super();
  }

  connect(): this {
    queueMicrotask(() => this.emit('connect'));
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  setKeepAlive(): this {
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    // Our own copy (pg's chunk may be a view of a shared pool), handed over rather than cloned a
    // second time: a 2 MB article's insert is megabytes the server's heap need not hold.
    const bytes = new Uint8Array(chunk);
    this.thread.send({ type: 'data', connection: this.connection, bytes }, [bytes.buffer as ArrayBuffer]);
    done();
  }

  override _read(): void {}

  override _final(done: (error?: Error | null) => void): void {
    this.push(null);
    done();
  }
}
