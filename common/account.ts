/** Accounts, departments and the workspace as the REST API shows them (CONTRACT.md, "REST"). */
import type { Role } from './access.js';

/** `GET /api/me`, and `user` in the answer to `POST /api/session`. */
export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
}

/** An account as the admin manages it. */
export interface User extends Me {
  disabled: boolean;
}

export interface Department {
  id: string;
  name: string;
  disabled: boolean;
}

/**
 * The workspace's own names, never hard-coded (DESIGN.md): since July 2025 the users are communes, wards
 * and provinces.
 */
export interface Workspace {
  /** The issuing agency, e.g. "ỦY BAN NHÂN DÂN XÃ LẤP VÒ". */
  agencyName: string;
  /** The parent agency (cơ quan chủ quản), if any, e.g. "UBND TỈNH ĐỒNG THÁP"; empty when none. */
  parentAgencyName: string;
  /** The place written before the date, e.g. "Lấp Vò". */
  placeName: string;
  /** The agency's part of document symbols (PL III), e.g. "UBND" in "BC-UBND". */
  agencySymbol: string;
}

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 8;
