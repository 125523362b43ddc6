// The embedded database in its own thread. PGlite is PostgreSQL compiled to WebAssembly: every
// query, every page written to disk and every megabyte compressed into TOAST runs on the thread
// that owns it. Owned by the server's thread, storing one 2 MB article stalled every other
// request for seconds; owned here, the server's thread only passes protocol bytes.
//
// The thread speaks the PostgreSQL wire protocol to one connection at a time (the main thread's
// pool holds one, as PGlite is one session), so the app reaches PGlite through the same `pg`
// driver as a PostgreSQL server.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/** @type {import('node:worker_threads').MessagePort} */
const port = /** @type {any} */ (parentPort);
/** @type {import('./pglite-thread.ts').PgliteThreadOptions} */
const options = workerData;

const sslRequestCode = 80877103;
const cancelRequestCode = 80877102;
const protocolVersion3 = 196608;

/** PGlite is PostgreSQL as a single-user backend: there is no checkpointer process, and a backend
 * of its own only checkpoints at shutdown, so a running server's write-ahead log grew without
 * bound (4.9 GB of 6.7 GB after importing 100k articles). The thread checkpoints at quiet points
 * (a connection's exchange ended outside a transaction), as PostgreSQL's checkpointer would: when
 * the log has grown by `walBytes` since the last checkpoint, or after five minutes with any write.
 * A checkpoint then recycles the old segments, so the log stays near max_wal_size. */
class Checkpointer {
  lastLookedAt = 0;
  lastCheckpointAt = Date.now();
  /** @type {number | null} the log position (bytes) at the last checkpoint */
  checkpointedAt = null;
  /** @param {PGlite} db @param {{ walBytes: number, lookEveryMs: number }} limits */
  constructor(db, limits) {
    this.db = db;
    this.limits = limits;
  }

  async checkpointIfDue() {
    const now = Date.now();
    if (now - this.lastLookedAt < this.limits.lookEveryMs) return;
    this.lastLookedAt = now;
    const position = await this.logPosition();
    if (this.checkpointedAt === null) this.checkpointedAt = position;
    const grown = position - this.checkpointedAt;
    const isTimeUp = grown > 0 && now - this.lastCheckpointAt >= checkpointTimeoutMs;
    if (grown < this.limits.walBytes && !isTimeUp) return;
    await this.db.exec('checkpoint');
    this.checkpointedAt = await this.logPosition();
    this.lastCheckpointAt = Date.now();
  }

  /** @returns {Promise<number>} */
  async logPosition() {
    const result = await this.db.query(
      "select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::float8 as bytes",
    );
    return /** @type {{ bytes: number }} */ (result.rows[0]).bytes;
  }
}

const checkpointTimeoutMs = 5 * 60 * 1000;
const defaultCheckpointLimits = { walBytes: 256 * 1024 * 1024, lookEveryMs: 10_000 };
const simpleQuery = 0x51; // 'Q'
const sync = 0x53; // 'S': the end of an extended-protocol exchange

/** @param {import('./pglite-thread.ts').ThreadReply} reply @param {ArrayBuffer[]} [transfer] */
function post(reply, transfer = []) {
  port.postMessage(reply, transfer);
}

/** One client connection's bytes: whole protocol messages are cut out of what arrives and run in
 * order; the first message of a connection (startup, or an SSL request answered "no") has no
 * type byte. */
class Connection {
  pending = Buffer.alloc(0);
  hasStarted = false;
  /** @param {PGlite} db @param {number} id @param {Promise<void>} afterEarlierEnds
   * @param {Checkpointer | null} checkpointer */
  constructor(db, id, afterEarlierEnds, checkpointer) {
    this.db = db;
    this.id = id;
    this.checkpointer = checkpointer;
    // A new connection starts once the ones before it are cleared (their transaction and
    // statements), not in the middle of that.
    /** @type {Promise<void>} */
    this.queue = afterEarlierEnds;
  }

  /** @param {Uint8Array} bytes */
  receive(bytes) {
    this.pending = this.pending.length === 0 ? Buffer.from(bytes) : Buffer.concat([this.pending, bytes]);
    /** @type {Uint8Array[]} */
    const messages = [];
    for (;;) {
      const message = this.nextMessage();
      if (!message) break;
      messages.push(message);
    }
    if (messages.length > 0) this.queue = this.queue.then(() => this.run(messages));
  }

  /** @returns {Uint8Array | null} */
  nextMessage() {
    const buffer = this.pending;
    if (!this.hasStarted) {
      if (buffer.length < 8) return null;
      const length = buffer.readInt32BE(0);
      const code = buffer.readInt32BE(4);
      if (buffer.length < length) return null;
      this.pending = buffer.subarray(length);
      if (code === sslRequestCode) {
        post({ type: 'data', connection: this.id, bytes: Uint8Array.from([0x4e]) }); // 'N': no TLS
        return this.nextMessage();
      }
      if (code === cancelRequestCode) return this.nextMessage();
      if (code === protocolVersion3) this.hasStarted = true;
      return new Uint8Array(buffer.subarray(0, length));
    }
    if (buffer.length < 5) return null;
    const length = 1 + buffer.readInt32BE(1);
    if (buffer.length < length) return null;
    this.pending = buffer.subarray(length);
    return new Uint8Array(buffer.subarray(0, length));
  }

  /** @param {Uint8Array[]} messages */
  async run(messages) {
    // The answers to one write go back as one buffer: PGlite streams a large row in small chunks,
    // and the driver, handed them one by one, copies the growing row at every chunk.
    /** @type {Uint8Array[]} */
    const chunks = [];
    try {
      for (const message of messages) {
        await this.db.execProtocolRawStream(message, { onRawData: (chunk) => chunks.push(chunk.slice()) });
      }
    } catch (error) {
      post({ type: 'failed', connection: this.id, message: String(error) });
      return;
    }
    if (chunks.length > 0) {
      const bytes = chunks.length === 1 ? chunks[0] : new Uint8Array(Buffer.concat(chunks));
      post({ type: 'data', connection: this.id, bytes }, [bytes.buffer]);
    }
    const last = messages[messages.length - 1]?.[0];
    const isQuiet = (last === simpleQuery || last === sync) && !this.db.isInTransaction();
    if (this.checkpointer && isQuiet) {
      // After the answer went out: the client does not wait for the checkpoint, only its next
      // statement may.
      await this.checkpointer.checkpointIfDue().catch(() => {});
    }
  }

  /** The client went away: a transaction it left open must not hold the next connection, and the
   * statements it prepared by name go with it, as a server's session's do (the driver's next client
   * prepares them again under the same names). */
  async end() {
    await this.queue;
    if (this.db.isInTransaction()) await this.db.exec('rollback');
    await this.db.exec('deallocate all');
  }
}

/** @returns {Promise<PGlite>} */
async function open() {
  // pg_trgm (typo-tolerant name search) is a contrib extension PGlite loads on request.
  const extensions = { pg_trgm };
  if (options.dataDir !== null) return PGlite.create(options.dataDir, { extensions });
  if (options.templatePath !== null) {
    const template = new Blob([new Uint8Array(readFileSync(options.templatePath))]);
    return PGlite.create({ loadDataDir: template, extensions });
  }
  return PGlite.create({ extensions });
}

try {
  const db = await open();
  // Only a data directory has a log to bound; a database in memory is dropped whole.
  const checkpointer =
    options.dataDir === null ? null : new Checkpointer(db, options.checkpoint ?? defaultCheckpointLimits);
  /** @type {Map<number, Connection>} */
  const connections = new Map();
  /** @type {Promise<void>} */
  let ended = Promise.resolve();
  port.on('message', async (/** @type {import('./pglite-thread.ts').ThreadRequest} */ request) => {
    switch (request.type) {
      case 'open':
        connections.set(request.connection, new Connection(db, request.connection, ended, checkpointer));
        return;
      case 'data':
        connections.get(request.connection)?.receive(request.bytes);
        return;
      case 'end': {
        const connection = connections.get(request.connection);
        connections.delete(request.connection);
        // A failure here leaves nothing to clear; it must not hold every later connection.
        ended = ended.then(() => connection?.end()).catch(() => {});
        await ended;
        return;
      }
      case 'dump': {
        const dump = new Uint8Array(await (await db.dumpDataDir('none')).arrayBuffer());
        post({ type: 'dump', bytes: dump }, [dump.buffer]);
        return;
      }
      case 'close':
        await Promise.all([...connections.values()].map((connection) => connection.end()));
        await db.close();
        post({ type: 'closed' });
        return;
    }
  });
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'failed', connection: null, message: String(error) });
}
