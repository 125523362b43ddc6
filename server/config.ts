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
  /** Login attempts allowed per client address per minute. */
  HOPTAC_LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** Set to 1 behind a reverse proxy that terminates HTTPS, so cookies get the Secure flag. */
  HOPTAC_TRUST_PROXY: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((value) => value === '1' || value === 'true'),
  /** The address people reach hoptac at (https://hoptac.example.vn), for the Atom feed's ids and
   * links and as an origin the CSRF check accepts behind a proxy. Unset: http://localhost:PORT. */
  HOPTAC_PUBLIC_URL: z
    .string()
    .url()
    .refine((value) => /^https?:\/\//.test(value), 'must start with http:// or https://')
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
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
