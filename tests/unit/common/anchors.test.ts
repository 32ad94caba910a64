import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  anchoredTextRange,
  anchorOfText,
  decodeAnchorPosition,
  documentOffset,
  encodeAnchorPosition,
  formattingAt,
  isDetached,
  resolveAnchor,
  resolveAnchorPosition,
} from '../../../common/anchors.js';
import { seededRandom } from '../../../common/seededRandom.js';

/** A section document with paragraphs of the given texts; the body's text nodes. */
function section(...paragraphs: string[]): { doc: Y.Doc; texts: Y.XmlText[] } {
  const doc = new Y.Doc();
  const texts = paragraphs.map((words) => {
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText(words);
    paragraph.insert(0, [text]);
    doc.getXmlFragment('body').push([paragraph]);
    return text;
  });
  return { doc, texts };
}

/** The same document as another replica holds it, loaded from an update (its root types untyped). */
function replicaOf(doc: Y.Doc): Y.Doc {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  return replica;
}

describe('anchors', () => {
  it('encodes each side as base64 that decodes back to the same position, and refuses anything else', () => {
    const { texts } = section('Năm 2024');
    const position = Y.createRelativePositionFromTypeIndex(texts[0]!, 2, -1);
    const encoded = encodeAnchorPosition(position);
    expect(encoded).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(encodeAnchorPosition(decodeAnchorPosition(encoded)!)).toBe(encoded);
    expect(decodeAnchorPosition(encoded)).toMatchObject({ item: position.item, assoc: -1 });
    for (const garbage of ['', '!!!!', 'AAAA', 'AAA', `${encoded}AAAA`, 'A'.repeat(200), '////']) {
      expect(decodeAnchorPosition(garbage), garbage).toBeNull();
    }
    const random = seededRandom(7);
    for (let i = 0; i < 200; i++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 12) }, () => Math.floor(random() * 256));
      const decoded = decodeAnchorPosition(Buffer.from(bytes).toString('base64'));
      if (decoded) expect(encodeAnchorPosition(decoded)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('reads the anchored text in another replica, and follows it while text is typed around and at its edges', () => {
    const { doc, texts } = section('Khen thưởng 12 tập thể.');
    const anchor = anchorOfText(texts[0]!, 12, 22);
    const replica = replicaOf(doc);
    expect(anchoredTextRange(replica, anchor)?.content).toBe('12 tập thể');
    texts[0]!.insert(22, ' và 30 cá nhân');
    texts[0]!.insert(12, 'cho ');
    texts[0]!.insert(0, 'Đã ');
    expect(anchoredTextRange(doc, anchor)?.content).toBe('12 tập thể');
    texts[0]!.insert(anchoredTextRange(doc, anchor)!.start + 2, ' xuất sắc');
    expect(anchoredTextRange(doc, anchor)?.content).toBe('12 xuất sắc tập thể');
  });

  it('is detached when its text is deleted, or its paragraph, but not when part of it remains', () => {
    const { doc, texts } = section('Một hai ba', 'Bốn năm sáu');
    const whole = anchorOfText(texts[0]!, 4, 7);
    const part = anchorOfText(texts[0]!, 0, 7);
    const inSecond = anchorOfText(texts[1]!, 0, 3);
    expect([whole, part, inSecond].map((anchor) => isDetached(doc, anchor))).toEqual([false, false, false]);
    texts[0]!.delete(4, 3);
    expect(isDetached(doc, whole)).toBe(true);
    expect(anchoredTextRange(doc, part)?.content).toBe('Một ');
    doc.getXmlFragment('body').delete(1, 1);
    expect(isDetached(doc, inSecond)).toBe(true);
  });

  it('does not resolve in a document that never had its items, another root type, or an attribute', () => {
    const { doc, texts } = section('Một hai ba');
    const anchor = anchorOfText(texts[0]!, 0, 3);
    const other = section('Một hai ba').doc;
    expect(resolveAnchor(other, anchor)).toBeNull();
    expect(isDetached(other, anchor)).toBe(true);

    const frame = new Y.RelativePosition(null, 'frame', null, 0);
    expect(resolveAnchorPosition(doc, frame)).toBeNull();
    expect(doc.share.has('frame')).toBe(false);

    const element = doc.getXmlFragment('body').get(0) as Y.XmlElement;
    element.setAttribute('class', 'x');
    const attributeItem = (element as unknown as { _map: Map<string, Y.Item> })._map.get('class')!;
    expect(resolveAnchorPosition(doc, new Y.RelativePosition(null, null, attributeItem.id, 0))).toBeNull();
    expect(resolveAnchorPosition(new Y.Doc(), Y.createRelativePositionFromTypeIndex(texts[0]!, 0))).toBeNull();
  });

  it('orders points across paragraphs by their ProseMirror position', () => {
    const { doc, texts } = section('ab', 'cde');
    const body = doc.getXmlFragment('body');
    expect(documentOffset(body, { type: texts[0]!, index: 0 })).toBe(1);
    expect(documentOffset(body, { type: texts[1]!, index: 2 })).toBe(7);
    expect(documentOffset(body, { type: body, index: 1 })).toBe(4);
    expect(documentOffset(body, { type: body, index: 2 })).toBe(9);
    const across = { from: anchorOfText(texts[0]!, 1, 2).from, to: anchorOfText(texts[1]!, 0, 2).to };
    expect(isDetached(doc, across)).toBe(false);
    expect(anchoredTextRange(doc, across)).toBeNull();
    expect(isDetached(doc, { from: across.to, to: across.from })).toBe(true);
  });

  it('tells the marks of a character', () => {
    const { texts } = section('thường đậm');
    texts[0]!.format(7, 3, { bold: true });
    expect(formattingAt(texts[0]!, 0)).toEqual({});
    expect(formattingAt(texts[0]!, 8)).toEqual({ bold: true });
    expect(formattingAt(texts[0]!, 99)).toEqual({});
  });
});
