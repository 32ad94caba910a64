/**
 * The short names of the frame's fields (the header's and footer's, common/frame.ts), in both languages:
 * how the report page names a field outside the header and footer — where a form-check finding is, which
 * field a version comparison shows changed. The frame's own form labels its inputs at more length (vi.ts,
 * en.ts: `frame`).
 */
import type { FrameTextKey } from '../../../common/frame.js';

export const frameFieldNamesVi: Record<FrameTextKey, string> = {
  parentAgency: 'Cơ quan chủ quản',
  agency: 'Cơ quan ban hành',
  number: 'Số',
  symbol: 'Ký hiệu',
  place: 'Địa danh',
  date: 'Ngày ban hành',
  docType: 'Tên loại',
  subject: 'Trích yếu',
  signAuthority: 'Quyền hạn ký',
  signTitle: 'Chức vụ người ký',
  signerName: 'Người ký',
};

export const frameFieldNamesEn: Record<FrameTextKey, string> = {
  parentAgency: 'Parent agency',
  agency: 'Issuing agency',
  number: 'Number',
  symbol: 'Symbol',
  place: 'Place',
  date: 'Date',
  docType: 'Document type',
  subject: 'Subject',
  signAuthority: 'Signing authority',
  signTitle: 'Signer’s title',
  signerName: 'Signer',
};
