/**
 * Awareness as the server passes it on: each state's `user` carries the name and department the server
 * knows, never ones the client made up (issue 3), and a client may only speak for its own awareness ids.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Identity } from '../auth/identity.js';

/** What others see of a person in awareness (`state.user`). */
export interface AwarenessUser {
  name: string;
  departmentName: string | null;
  role: Identity['role'];
  /** The caret colour the client chose, when it is a CSS hex colour. */
  color?: string;
}

const HEX_COLOUR = /^#[0-9a-fA-F]{3,8}$/;

function stampState(state: unknown, identity: Identity): unknown {
  if (state === null) return null; // the client leaves
  const base = typeof state === 'object' && !Array.isArray(state) ? (state as Record<string, unknown>) : {};
  const claimed = typeof base.user === 'object' && base.user !== null ? (base.user as Record<string, unknown>) : {};
  const user: AwarenessUser = { name: identity.displayName, departmentName: identity.departmentName, role: identity.role };
  if (typeof claimed.color === 'string' && HEX_COLOUR.test(claimed.color)) user.color = claimed.color;
  return { ...base, user };
}

/** What the room knows of an awareness id: the connection that speaks for it, and its latest clock. */
export interface KnownClient<C> {
  owner: C | undefined;
  clock: number | undefined;
}

/** `null` as JSON: the state of a presence that ends. */
const NULL_STATE = new TextEncoder().encode('null');

/**
 * True when an awareness update holds nothing but echoes: states the room already has, which y-protocols
 * would ignore (a clock below the room's, or the same clock with a state that is not a removal). y-websocket
 * clients send back every awareness change they hear, other people's included — also people connected to
 * another instance. Read without parsing any state, so that an echo costs next to nothing and never takes
 * the place of the sender's own presence waiting for its turn (pacing.ts keeps a connection's latest update
 * only). Not an echo: an empty or malformed update (it is refused on its way), or any entry the room would
 * apply.
 */
export function isEchoOnly(update: Uint8Array, knownClock: (client: number) => number | undefined): boolean {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count === 0) return false;
    for (let i = 0; i < count; i++) {
      const client = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarUint8Array(decoder); // JSON, compared as bytes only
      const known = knownClock(client);
      if (known === undefined || clock > known) return false;
      if (clock === known && isNullState(state)) return false;
    }
    return !decoding.hasContent(decoder);
  } catch {
    return false;
  }
}

const isNullState = (state: Uint8Array) => state.length === NULL_STATE.length && state.every((byte, index) => byte === NULL_STATE[index]);

/**
 * Rewrites an awareness update (y-protocols format: count, then id, clock, JSON state for each) with the
 * identity stamped in. y-websocket clients send back every awareness change they receive, other people's
 * included, with the clock the server gave them: such an echo (another person's id, a clock the room
 * already has) is dropped. A newer clock for another person's id is an attempt to speak for them: it
 * throws, as does a malformed update.
 */
export function stampAwareness<C extends { identity: Identity }>(
  update: Uint8Array,
  identity: Identity,
  known: (client: number) => KnownClient<C>,
  self: C,
): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: Array<{ client: number; clock: number; state: unknown }> = [];
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    const { owner, clock: knownClock } = known(client);
    const someoneElse = owner !== undefined && owner !== self && owner.identity.userId !== identity.userId;
    if (someoneElse) {
      if (knownClock !== undefined && clock <= knownClock) continue; // an echo
      throw new Error(`awareness id ${client} belongs to another person`);
    }
    kept.push({ client, clock, state: stampState(state, identity) });
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes in an awareness update');
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const { client, clock, state } of kept) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}
