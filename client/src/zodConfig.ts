/**
 * Imported first by main.tsx, so it runs before any schema is built: the page's Content-Security-Policy
 * forbids eval, and zod must not even probe for `new Function` (the probe is reported as a violation).
 */
import { z } from 'zod';

z.config({ jitless: true });
