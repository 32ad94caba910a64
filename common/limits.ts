/** Limits shared by the server and the client. */

/**
 * The largest websocket message a room accepts, in bytes. A 300,000-character section syncs in well under
 * this (measured: 423 kB of state for 300,000 Vietnamese characters, about 1.4 bytes each); a paste larger than this is refused with 4413.
 */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/** The most bytes a connection may send while its room is still loading. */
export const MAX_PENDING_BYTES = MAX_MESSAGE_BYTES;

/** The longest report title, in characters. */
export const MAX_TITLE_LENGTH = 500;
