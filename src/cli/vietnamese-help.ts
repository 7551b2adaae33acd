import type { Command, Option } from 'commander';

const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Options:': 'Tùy chọn:',
  'Commands:': 'Lệnh:',
  'Arguments:': 'Tham số:',
  'Global Options:': 'Tùy chọn chung:',
};

/** commander's own error sentences, in Vietnamese (everything a user reads is Vietnamese). */
const ERRORS: [RegExp, (...groups: string[]) => string][] = [
  [/^error: required option '(.+)' not specified/, (o = '') => `Lỗi: thiếu tùy chọn bắt buộc ${o}`],
  [/^error: unknown option '(.+?)'/, (o = '') => `Lỗi: không có tùy chọn ${o}`],
  [/^error: option '(.+)' argument missing/, (o = '') => `Lỗi: tùy chọn ${o} cần một giá trị`],
  [/^error: missing required argument '(.+)'/, (a = '') => `Lỗi: thiếu tham số ${a}`],
  [/^error: unknown command '(.+?)'/, (c = '') => `Lỗi: không có lệnh ${c}`],
  [/^error: too many arguments/, () => 'Lỗi: thừa tham số'],
];

export function translateCommanderError(text: string): string {
  for (const [pattern, render] of ERRORS) {
    const match = pattern.exec(text);
    if (match) return `${render(...match.slice(1))}\n(xem thêm: --help)\n`;
  }
  return text;
}

/** Vietnamese help titles, help option/command descriptions and error messages for a command tree. */
export function useVietnameseHelp(program: Command): Command {
  return program
    .helpOption('-h, --help', 'hiển thị trợ giúp')
    .helpCommand('help [lệnh]', 'hiển thị trợ giúp của một lệnh')
    .configureHelp({
      styleTitle: (title: string) => TITLES[title] ?? title,
      optionDescription: (option: Option) => {
        const value: unknown = option.defaultValue;
        const described = option.defaultValueDescription;
        const shown =
          described !== undefined ? ` (mặc định: ${described})` : value === undefined || (Array.isArray(value) && value.length === 0) ? '' : ` (mặc định: ${JSON.stringify(value)})`;
        return `${option.description}${shown}`;
      },
    })
    .configureOutput({ outputError: (text, write) => write(translateCommanderError(text)) });
}
