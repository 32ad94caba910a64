/**
 * The room server, as one short pipeline (DESIGN.md, "The server: a short pipeline"). In order:
 *
 * 1. authenticate the upgrade request ......... auth/crossSite.ts (→ 403), auth/sessions.ts (cookie → 401)
 * 2. parse the room name, authorise the room .. common/rooms.ts, collab/authorise.ts → 403 / 404
 *    (an issued report, or one being issued: read-only for everyone, server/workflow/freezes.ts)
 * 3. listen at once, buffering ................ collab/connection.ts (bounded: 4413)
 * 4. load the room once, authorise again ...... collab/roomRegistry.ts (snapshot + update log)
 * 5. per message: decode and bound ............ collab/messages.ts, collab/connection.ts (4400, 4413)
 *    stamp awareness with who it is ........... collab/awarenessIdentity.ts
 *    drop writes from readers ................. collab/room.ts (4403)
 *    apply, persist, then broadcast ........... collab/room.ts, collab/roomPersistence.ts
 *    (once stored, also to other instances .... scale/roomFanout.ts; theirs are applied here in order)
 * 6. compact in the background, unload idle ... collab/roomPersistence.ts, collab/roomRegistry.ts
 *
 * Ownership changes reach live connections through collab/liveAccess.ts — on every instance through
 * scale/liveEvents.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { Access } from '../../common/access.js';
import type { Report } from '../../common/report.js';
import { COLLAB_PATH, formatRoomName, parseRoomName, type RoomName } from '../../common/rooms.js';
import type { Authenticator, Identity } from '../auth/identity.js';
import { isForeignOrigin } from '../auth/crossSite.js';
import { AppError, errorBody, forbidden, notFound, unauthenticated } from '../errors.js';
import { authoriseRoom, type FrozenCheck } from './authorise.js';
import { Connection, type ConnectionLimits } from './connection.js';
import type { Verdict } from './room.js';
import type { RoomRegistry } from './roomRegistry.js';
import { CloseCode } from '../../common/closeCodes.js';

export interface PipelineDeps {
  authenticate: Authenticator;
  findReport: (id: string) => Promise<Report | null>;
  /** Whether a report is frozen (issued, or being issued): its rooms are then read-only for everyone. */
  isFrozen?: FrozenCheck;
  registry: RoomRegistry;
  limits: ConnectionLimits;
  /** Told of each close the server makes, with its code (the metrics' connections closed by code). */
  onServerClose?: (code: number) => void;
}

/** What steps 1–2 decided, kept on the request for the socket handler. */
interface Admission {
  room: RoomName;
  identity: Identity;
  access: Access;
}

async function admit(deps: PipelineDeps, request: FastifyRequest): Promise<Admission> {
  if (isForeignOrigin(request.headers)) throw forbidden('rooms may not be opened from another site');
  const identity = await deps.authenticate(request.raw);
  if (!identity) throw unauthenticated();
  const name = (request.params as { '*'?: string })['*'] ?? '';
  const room = parseRoomName(name);
  if (!room) throw notFound(`room "${name}"`);
  const access = await authoriseRoom(identity, room, deps.findReport, deps.isFrozen);
  return { room, identity, access };
}

/** Registers `GET /collab/*` as the websocket endpoint of every room. */
export function registerCollab(app: FastifyInstance, deps: PipelineDeps): void {
  const admissions = new WeakMap<FastifyRequest, Admission>();
  const refuse = async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      admissions.set(request, await admit(deps, request));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return reply.status(error.status).send(errorBody(error.code, error.message));
    }
  };
  app.get(`${COLLAB_PATH}/*`, { websocket: true, preValidation: refuse }, (socket: WebSocket, request) => {
    const admission = admissions.get(request);
    if (!admission) {
      socket.close(CloseCode.internalError, 'not admitted');
      deps.onServerClose?.(CloseCode.internalError);
      return;
    }
    const { identity, room } = admission;
    // The upgrade's logger: the connection's log lines carry its request id (`reqId`) and its room.
    const log = request.log.child({ room: formatRoomName(room) });
    const connection = new Connection(socket, identity, admission.access, deps.limits, { log, onServerClose: deps.onServerClose });
    // Decided again in the room's order: the session may have ended or the rights changed meanwhile.
    const recheck = async (): Promise<Verdict> => {
      const current = await deps.authenticate(request.raw);
      if (!current) return { close: CloseCode.sessionEnded, reason: 'the session has ended' };
      if (current.role !== identity.role || current.departmentId !== identity.departmentId) {
        return { close: CloseCode.rightsChanged, reason: 'your rights changed; reconnect' };
      }
      try {
        return await authoriseRoom(identity, room, deps.findReport, deps.isFrozen);
      } catch (error) {
        if (error instanceof AppError) return { close: CloseCode.forbiddenWrite, reason: error.message };
        throw error;
      }
    };
    void deps.registry.admit(formatRoomName(room), connection, recheck);
  });
}
