import { isCellError, type CellValue, type Gender } from '../domain/index.js';
import { foldKey } from './fold-key.js';

const MALE = new Set(['nam', 'm', 'male', 'trai', 'nam gioi', 'gioi tinh nam']);
const FEMALE = new Set(['nu', 'f', 'female', 'gai', 'nu gioi', 'gioi tinh nu', 'w']);

/**
 * A gender from a cell: "Nam", "nam", "M", "Male" → M; "Nữ", "nu", "F", "Female" → F. Anything else
 * (a tick "x", "1"/"0", blank) is no gender and gives null.
 *
 * @example parseGender('Nữ') // 'F'
 */
export function parseGender(value: CellValue): Gender | null {
  if (typeof value !== 'string' || isCellError(value)) return null;
  const key = foldKey(value);
  if (MALE.has(key)) return 'M';
  if (FEMALE.has(key)) return 'F';
  return null;
}
