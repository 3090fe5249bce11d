#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npx xxgk` works straight after `npm install`.
import { register } from 'tsx/esm/api';
register();
await import('../pipeline/cli.ts');
