/**
 * What the signing panel shows of an issued report (issue 10, items 3–4): whether the server can render
 * the PDF, and the signed copy with the ones it replaced — read once the report is issued, and again each
 * time the review room says the current copy changed (`signedSha256`, set by the server at every upload),
 * so a copy the office uploads shows on every open page without a reload.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Capabilities, SignedCopy, SignedCopyInfo } from '../../../common/api/signedCopy.js';
import { REVIEW_STATE_MAP } from '../../../common/rooms.js';
import { SIGNED_SHA256_KEY } from '../../../common/signedCopy.js';
import { getCapabilities, getSignedCopyInfo } from '../api/signedCopy.js';
import type { RoomConnection } from '../collab/connectRoom.js';

export interface SignedCopyView {
  /** Null until read. */
  capabilities: Capabilities | null;
  /** Null until read. */
  info: SignedCopyInfo | null;
  /** Why the details could not be read, or null. */
  error: unknown;
  /** Shows a copy this page just stored, before the room says so. */
  stored(copy: SignedCopy): void;
}

/** The hash of the current copy as the review room says it; undefined before the room says any. */
function useRoomSignedSha256(review: RoomConnection | undefined): string | undefined {
  const [sha256, setSha256] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (review === undefined) return;
    const map = review.doc.getMap<unknown>(REVIEW_STATE_MAP);
    const update = () => {
      const value = map.get(SIGNED_SHA256_KEY);
      setSha256(typeof value === 'string' ? value : undefined);
    };
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [review]);
  return sha256;
}

export function useSignedCopy(reportId: string, issued: boolean, review: RoomConnection | undefined): SignedCopyView {
  const [capabilities, setCapabilities] = useState<Capabilities | null>(null);
  const [info, setInfo] = useState<SignedCopyInfo | null>(null);
  const [error, setError] = useState<unknown>(null);
  const roomSha256 = useRoomSignedSha256(review);

  useEffect(() => {
    if (!issued) return;
    const abort = new AbortController();
    // Without the answer the link is offered; the server says why if it cannot render.
    getCapabilities(abort.signal).then(setCapabilities, () => undefined);
    return () => abort.abort();
  }, [issued]);

  useEffect(() => {
    if (!issued) return;
    const abort = new AbortController();
    getSignedCopyInfo(reportId, abort.signal).then(
      (fresh) => {
        setInfo(fresh);
        setError(null);
      },
      (failure: unknown) => {
        if (!abort.signal.aborted) setError(failure);
      },
    );
    return () => abort.abort();
  }, [reportId, issued, roomSha256]);

  const stored = useCallback((copy: SignedCopy) => {
    setInfo((current) => {
      if (current?.current?.sha256 === copy.sha256 && current.current.uploadedAt === copy.uploadedAt) return current;
      const earlier = current === null ? [] : current.current === null ? current.earlier : [current.current, ...current.earlier];
      return { current: copy, earlier };
    });
  }, []);

  return { capabilities, info, error, stored };
}
