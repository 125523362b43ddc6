import { isIP } from 'node:net';
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
  /** Largest file that may be attached to a record (signed texts, decisions, minutes), in bytes. */
  HOPTAC_DOCUMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(25 * 1024 * 1024),
  /** Where attached files' bytes are kept: `database` (a bytea table; the default, and what a
   * backup carries) or `filesystem` (files under HOPTAC_DOCUMENT_DIR, named by document id). */
  HOPTAC_DOCUMENT_STORAGE: z.enum(['database', 'filesystem']).default('database'),
  /** Directory of the filesystem document store (used only when HOPTAC_DOCUMENT_STORAGE=filesystem). */
  HOPTAC_DOCUMENT_DIR: z.string().min(1).default('./documents'),
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
  /** Failed sign-ins allowed per client address per minute (generous: a whole office may share
   * one address; each account also has its own, stricter back-off). */
  HOPTAC_LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Which proxies in front of the server to believe about the client's address and protocol:
   * 0 (none), a hop count (1 or true: the one proxy next to the server), or a comma-separated list
   * of proxy addresses and CIDR ranges (also loopback, linklocal, uniquelocal). */
  HOPTAC_TRUST_PROXY: z
    .string()
    .default('0')
    .transform((value, context) => {
      const parsed = parseTrustedProxies(value);
      if (parsed === null) {
        context.addIssue({
          code: 'custom',
          message: 'expected 0, a hop count, or a comma-separated list of addresses and CIDR ranges',
        });
        return z.NEVER;
      }
      return parsed;
    }),
  /** The address people reach hoptac at (https://hoptac.example.vn), for the Atom feed's ids and
   * links and as an origin the CSRF check accepts behind a proxy. Unset: http://localhost:PORT. */
  HOPTAC_PUBLIC_URL: z
    .string()
    .url()
    .refine((value) => /^https?:\/\//.test(value), 'must start with http:// or https://')
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
  /** Minutes a session stays open without a request (the 12-hour limit from sign-in holds too). */
  HOPTAC_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(8 * 60),
  /** Directory of the built web app served at /. */
  HOPTAC_WEB_DIR: z.string().min(1).default('./dist/web'),
  /** IATI organisation identifier of the reporting ministry (org-id.guide); set it to the
   * registered identifier before publishing to the IATI Registry. */
  HOPTAC_IATI_ORG_REF: z
    .string()
    .regex(/^[A-Za-z0-9-]{3,64}$/, 'must be an IATI organisation identifier such as VN-MOH')
    .default('VN-MOH'),
  /** The reporting organisation's name in the IATI file, Vietnamese and English. */
  HOPTAC_IATI_ORG_NAME_VI: z.string().min(1).default('Bộ Y tế Việt Nam'),
  HOPTAC_IATI_ORG_NAME_EN: z.string().min(1).default('Ministry of Health of Viet Nam'),
  /** SMTP server for the reminder digests, as a URL: smtp://user:password@host:587 (STARTTLS when
   * offered) or smtps://user:password@host:465. Unset: reminders stay in the app, no e-mail. */
  HOPTAC_SMTP_URL: z
    .string()
    .url()
    .refine((value) => /^smtps?:\/\//.test(value), 'must start with smtp:// or smtps://')
    .optional(),
  /** Sender of the reminder digests. */
  HOPTAC_MAIL_FROM: z.string().min(3).default('hoptac <hoptac@localhost>'),
  /** Whether this server process runs the daily reminder job: on or off. With several processes
   * on one PostgreSQL database each reminder is still made and sent once, so all may keep it on. */
  HOPTAC_REMINDERS: z.enum(['on', 'off']).default('on'),
  /** The hour (0–23, Viet Nam time) at which the daily reminder job runs; it also runs at start-up. */
  HOPTAC_REMINDERS_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** The issuing body printed at the head of the yearly report (Decree 30/2020 letterhead). */
  HOPTAC_ISSUING_BODY: z.string().min(1).default('Bộ Y tế'),
  /** Log level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema>;

/** Trusted proxies: a hop count, or the addresses and ranges they may come from. */
export type TrustedProxies = { hops: number } | { addresses: string[] };

const proxyRangeNames = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (proxyRangeNames.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** `1`/`true` keep meaning "one proxy"; null when the value is none of the accepted forms. */
function parseTrustedProxies(value: string): TrustedProxies | null {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === 'false') return { hops: 0 };
  if (trimmed === 'true') return { hops: 1 };
  if (/^\d{1,2}$/.test(trimmed)) return { hops: Number(trimmed) };
  const addresses = trimmed.split(',').map((entry) => entry.trim());
  return addresses.every(isAddressOrRange) ? { addresses } : null;
}

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
