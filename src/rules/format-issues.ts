import type { z } from 'zod';

/** Path of a bad key as written in the YAML: `groups.NCC.rate.value`, `exclusivity[0].groups[1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(gốc tệp)' : out;
}

const TYPE_LABELS: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true/false',
  object: 'đối tượng (các khóa con)',
  array: 'danh sách',
  record: 'đối tượng (các khóa con)',
  null: 'null',
  undefined: 'không có giá trị',
};

function typeOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'danh sách';
  const t = typeof input;
  return TYPE_LABELS[t] ?? t;
}

/** One zod issue as a Vietnamese sentence (without the path). */
export function issueMessage(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `thiếu khóa bắt buộc (cần ${TYPE_LABELS[issue.expected] ?? issue.expected})`;
      return `phải là ${TYPE_LABELS[issue.expected] ?? issue.expected}, nhưng nhận được ${typeOf(input)} (${JSON.stringify(input)})`;
    case 'unrecognized_keys':
      return `khóa không được phép: ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `quá ngắn (tối thiểu ${String(issue.minimum)} ${issue.origin === 'array' ? 'phần tử' : 'ký tự'})`
        : `giá trị quá nhỏ (tối thiểu ${String(issue.minimum)}), nhận được ${JSON.stringify(input)}`;
    case 'too_big':
      return `giá trị quá lớn (tối đa ${String(issue.maximum)}), nhận được ${JSON.stringify(input)}`;
    case 'invalid_value':
      return `phải là một trong: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; nhận được ${JSON.stringify(input)}`;
    case 'invalid_format':
      return `sai định dạng${issue.pattern ? ` (mẫu ${issue.pattern})` : ''}: ${JSON.stringify(input)}`;
    case 'invalid_key':
      return `tên khóa không hợp lệ`;
    case 'invalid_element':
      return `phần tử không hợp lệ`;
    case 'invalid_union':
      return `giá trị không hợp lệ`;
    case 'not_multiple_of':
      return `phải là bội số của ${String(issue.divisor)}`;
    default:
      return (issue as { message: string }).message;
  }
}

/** All issues, one per line: `rules/x.yaml, khóa "groups.NCC.rate.value": phải là số …`. */
export function formatIssues(file: string, issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((i) => `${file}, khóa "${formatPath(i.path)}": ${issueMessage(i)}`).join('\n');
}
