/**
 * What a page keeps in the browser for offline work (client/src/collab/localCopy.ts): its IndexedDB copies
 * of rooms, read from inside the page, and the "N thay đổi chưa gửi" count it shows.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import * as Y from 'yjs';

/** Reads the browser's copy `name` into a fresh document, hands it to `read`; null when there is no copy. */
export async function readBrowserCopy<T>(page: Page, name: string, read: (doc: Y.Doc) => T): Promise<T | null> {
  const updates = await page.evaluate(async (dbName) => {
    const names = (await indexedDB.databases()).map((database) => database.name);
    if (!names.includes(dbName)) return null;
    return new Promise<number[][]>((resolve, reject) => {
      const opening = indexedDB.open(dbName);
      opening.onerror = () => reject(opening.error);
      opening.onsuccess = () => {
        const db = opening.result;
        const request = db.transaction('updates').objectStore('updates').getAll();
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          db.close();
          resolve((request.result as Uint8Array[]).map((update) => Array.from(update)));
        };
      };
    });
  }, name);
  if (updates === null) return null;
  const doc = new Y.Doc();
  try {
    for (const update of updates) Y.applyUpdate(doc, new Uint8Array(update));
    return read(doc);
  } finally {
    doc.destroy();
  }
}

/** The count shown in "N thay đổi chưa gửi", once it is shown. */
export async function unsentShown(page: Page): Promise<number> {
  const badge = page.getByTestId('unsent-changes');
  await badge.waitFor();
  const label = await badge.innerText();
  const match = /^(\d+) thay đổi chưa gửi$/.exec(label.trim());
  expect(match, label).not.toBeNull();
  return Number(match?.[1]);
}
