/** A service URL (DATABASE_URL, REDIS_URL) fit for a message or a log line: its password hidden. */
export function redactUrl(url: string, fallback: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return fallback;
  }
}
