import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { translateCommanderError } from '../../src/cli/vietnamese-help.js';

describe('CLI help and usage errors', () => {
  it('shows help in Vietnamese', () => {
    const program = buildProgram();
    const audit = program.commands.find((c) => c.name() === 'audit');
    const text = audit?.helpInformation() ?? '';
    expect(text).toContain('Cách dùng:');
    expect(text).toContain('Tùy chọn:');
    expect(text).toMatch(/\(mặc định:\s+"nq42-2020"\)/);
    expect(text).toContain('hiển thị trợ giúp');
    expect(text).not.toMatch(/Usage:|Options:|default:/);
    expect(program.helpInformation()).toContain('Lệnh:');
  });

  it('turns commander usage errors into Vietnamese', () => {
    expect(translateCommanderError("error: required option '--audit <name>' not specified\n")).toContain('Lỗi: thiếu tùy chọn bắt buộc --audit <name>');
    expect(translateCommanderError("error: unknown option '--fast'\n")).toContain('Lỗi: không có tùy chọn --fast');
    expect(translateCommanderError("error: unknown command 'foo'\n")).toContain('Lỗi: không có lệnh foo');
  });
});
