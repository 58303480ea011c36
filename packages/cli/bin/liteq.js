#!/usr/bin/env node
// Thin launcher: the CLI is compiled TypeScript in ../dist.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
