/**
 * Formats an ISO timestamp as the date Vietnamese documents use, `dd/mm/yyyy`, in the reader's time zone.
 * Returns the input unchanged when it is not a date, so a bad value is visible rather than hidden.
 */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = String(date.getDate()).padStart(2, '0');
  const month = String(date.getMonth() + 1).padStart(2, '0');
  return `${day}/${month}/${date.getFullYear()}`;
}
