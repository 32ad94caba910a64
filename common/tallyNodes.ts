/**
 * The award tally inside a section (CONTRACT.md, "Rooms"): a node `awardTally` whose children are
 * `awardRow` nodes with the attributes `award` (an id of the award catalogue), `collectives` and
 * `individuals` (whole numbers, 0 when empty). Each row is a leaf whose attributes are its cells, so in
 * Yjs each cell is one key of one `Y.XmlElement`: two people changing different cells, or different rows,
 * at the same moment both keep their change. The client adds its node views on top of these.
 */
import { mergeAttributes, Node } from '@tiptap/core';
import { cleanCount } from './tallyProse.js';

const countAttribute = (name: 'collectives' | 'individuals') => ({
  default: 0,
  parseHTML: (element: HTMLElement) => cleanCount(element.getAttribute(`data-${name}`)),
  renderHTML: (attributes: Record<string, unknown>) => ({ [`data-${name}`]: String(cleanCount(attributes[name])) }),
});

export const AwardRow = Node.create({
  name: 'awardRow',
  atom: true,
  selectable: false,
  addAttributes() {
    return {
      award: {
        default: '',
        parseHTML: (element: HTMLElement) => element.getAttribute('data-award') ?? '',
        renderHTML: (attributes: Record<string, unknown>) => ({ 'data-award': String(attributes.award ?? '') }),
      },
      collectives: countAttribute('collectives'),
      individuals: countAttribute('individuals'),
    };
  },
  parseHTML() {
    return [{ tag: 'tr[data-award-row]' }];
  },
  renderHTML({ HTMLAttributes, node }) {
    return [
      'tr',
      mergeAttributes(HTMLAttributes, { 'data-award-row': '' }),
      ['td', String(node.attrs.award ?? '')],
      ['td', String(cleanCount(node.attrs.collectives))],
      ['td', String(cleanCount(node.attrs.individuals))],
    ];
  },
});

export const AwardTally = Node.create({
  name: 'awardTally',
  group: 'block',
  content: 'awardRow*',
  isolating: true,
  defining: true,
  parseHTML() {
    return [{ tag: 'table[data-award-tally]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['table', mergeAttributes(HTMLAttributes, { 'data-award-tally': '' }), ['tbody', 0]];
  },
});
