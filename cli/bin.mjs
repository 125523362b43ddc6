#!/usr/bin/env node
// Loads the TypeScript CLI through tsx in this same process, so `npx hoptac` works right after
// `npm install` with no build step, and signals reach the real program.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
