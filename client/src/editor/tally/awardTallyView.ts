/**
 * The shared `awardTally` node (common/tallyNodes.ts) with the browser's node view: the schema stays the
 * one the server uses; only how the node is drawn and edited is added here.
 */
import { ReactNodeViewRenderer } from '@tiptap/react';
import { AwardTally } from '../../../../common/tallyNodes.js';
import { TallyView } from './TallyView.js';

/** `awardTally`, drawn by {@link TallyView}. */
export const AwardTallyWithView = AwardTally.extend({
  addNodeView() {
    return ReactNodeViewRenderer(TallyView, { className: 'award-tally-node' });
  },
});
