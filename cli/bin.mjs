#!/usr/bin/env node
// Starts the compiled command (cli/dist, built by `npm install` through `prepare` and by
// `npm start`); without it, as in a checkout before install, loads the TypeScript through tsx
// in this same process, so signals reach the real program either way.
import { existsSync } from 'node:fs';

const compiled = new URL('./dist/hoptac.mjs', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./main.ts');
}
