/**
 * Zod compiles object parsers with `new Function` where a page allows it, and finds out by trying a
 * `new Function("")` — which the Content-Security-Policy (script-src without 'unsafe-eval') blocks
 * and reports as a violation, even though Zod catches it. The app's schemas parse without
 * compiling: this module is imported first by main.tsx, before any schema is built.
 */
import { z } from 'zod';

z.config({ jitless: true });
