#!/usr/bin/env node
// The compiled command line (built by `npm run build`, which `npm install` runs).
import '../dist/cli/run.js';
