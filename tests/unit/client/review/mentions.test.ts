import { describe, expect, it } from 'vitest';
import { matchCandidates, mentionQueryAt, mentionsIn, splitMentions, type MentionCandidate } from '../../../../client/src/review/mentions.js';

const noivu: MentionCandidate = { kind: 'department', id: 'd1', name: 'Phòng Nội vụ' };
const vhtt: MentionCandidate = { kind: 'department', id: 'd2', name: 'Phòng Văn hóa - Thông tin' };
const nam: MentionCandidate = { kind: 'person', id: 'u1', name: 'Lê Văn Nam' };

describe('mentions in comments', () => {
  it('finds the "@" being typed before the caret, also after a space in a name', () => {
    expect(mentionQueryAt('Đề nghị @noi', 12)).toEqual({ start: 8, query: 'noi' });
    expect(mentionQueryAt('@Phòng Nội', 10)).toEqual({ start: 0, query: 'Phòng Nội' });
    expect(mentionQueryAt('email a@b', 9)).toBeNull();
    expect(mentionQueryAt('không nhắc ai', 13)).toBeNull();
  });

  it('matches names without accents, đ as d', () => {
    expect(matchCandidates([noivu, vhtt, nam], 'noi vu')).toEqual([noivu]);
    expect(matchCandidates([noivu, vhtt, nam], 'van')).toEqual([vhtt, nam]);
    expect(matchCandidates([{ kind: 'person', id: 'u2', name: 'Đỗ Thị Đào' }], 'dao')).toHaveLength(1);
  });

  it('sends only the mentions still in the text', () => {
    expect(mentionsIn('Nhờ @Phòng Nội vụ xem', [noivu, nam])).toEqual({ departmentIds: ['d1'], userIds: [] });
  });

  it('marks the mentioned names in a comment, the longest first', () => {
    expect(splitMentions('@Lê Văn Nam và @Phòng Nội vụ.', ['Phòng Nội vụ', 'Lê Văn Nam'])).toEqual([
      { text: '@Lê Văn Nam', mention: true },
      { text: ' và ', mention: false },
      { text: '@Phòng Nội vụ', mention: true },
      { text: '.', mention: false },
    ]);
  });
});
