import { z } from 'zod';
import { emailAddress } from '../common/contracts/common.ts';

// The only reader of process.env. Every key is documented here and in the README.
const configSchema = z.object({
  /** HTTP port the server listens on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to bind; 0.0.0.0 to accept connections from other machines. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** PostgreSQL server URL (production). When unset, the embedded PGlite database is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Directory of the embedded PGlite database (ignored when DATABASE_URL is set). */
  HOPTAC_DATA_DIR: z.string().min(1).default('./data'),
  /** E-mail of the administrator created on first start with an empty database. */
  HOPTAC_ADMIN_EMAIL: emailAddress.default('admin@localhost'),
  /** Password of that administrator; when unset a one-time password is generated and printed once. */
  HOPTAC_ADMIN_PASSWORD: z.string().min(8).optional(),
  /** Largest accepted request body in bytes (uploads included). */
  HOPTAC_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(8 * 1024 * 1024),
  /** Longest the reader may spend on one article (decoding the upload and drafting), in ms. */
  HOPTAC_READER_TIME_LIMIT_MS: z.coerce.number().int().min(100).default(20_000),
  /** Heap one reader worker may use, in MB; past it that article is refused and the worker replaced. */
  HOPTAC_READER_MEMORY_LIMIT_MB: z.coerce.number().int().min(128).default(512),
  /** Largest list response in bytes; a longer page is cut and says where to go on (`nextOffset`). */
  HOPTAC_LIST_BYTE_LIMIT: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(4 * 1024 * 1024),
  /** Login attempts allowed per client address per minute. */
  HOPTAC_LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** Set to 1 behind a reverse proxy that terminates HTTPS, so cookies get the Secure flag. */
  HOPTAC_TRUST_PROXY: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((value) => value === '1' || value === 'true'),
  /** Directory of the built web app served at /. */
  HOPTAC_WEB_DIR: z.string().min(1).default('./dist/web'),
  /** Log level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Reads and validates the whole configuration at once, reporting every problem together. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (DATABASE_URL= in a shell or .env file) means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return parsed.data;
}

/** Which database the test suite runs on: set per Vitest project (see vitest.config.ts). */
export function readTestDatabaseConfig(env: Record<string, string | undefined> = process.env): {
  kind: 'pglite' | 'postgres';
  url: string | undefined;
} {
  const kind = env.HOPTAC_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
  if (kind === 'postgres' && !env.TEST_DATABASE_URL) {
    throw new ConfigError(['TEST_DATABASE_URL: required when HOPTAC_TEST_DB=postgres']);
  }
  return { kind, url: env.TEST_DATABASE_URL };
}
