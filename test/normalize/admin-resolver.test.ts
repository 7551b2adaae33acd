import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AdminResolver, foldKey } from '../../src/normalize/index.js';

const resolver = AdminResolver.load();

function communeRows(): string[][] {
  return readFileSync(new URL('../../src/data/admin-units-2020.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
}

describe('AdminResolver lookups', () => {
  it('loads once', () => {
    expect(AdminResolver.load()).toBe(resolver);
  });

  it('finds units by code, with or without leading zeros', () => {
    expect(resolver.commune('25870')).toEqual({
      code: '25870',
      name: 'Xã An Bình',
      type: 'Xã',
      districtCode: '722',
      districtName: 'Huyện Phú Giáo',
      provinceCode: '74',
      provinceName: 'Tỉnh Bình Dương',
    });
    expect(resolver.commune('1')?.name).toBe('Phường Phúc Xá');
    expect(resolver.district('1')?.name).toBe('Quận Ba Đình');
    expect(resolver.province('1')?.name).toBe('Thành phố Hà Nội');
    expect(resolver.commune('99999')).toBeNull();
    expect(resolver.communesOfDistrict('001')).toHaveLength(14);
  });
});

describe('AdminResolver.resolve', () => {
  it('resolves codes given as text or numbers that lost their zeros', () => {
    expect(resolver.resolve({ commune: '00001' })).toMatchObject({ communeCode: '00001', districtCode: '001', provinceCode: '01', resolved: true, candidates: 1 });
    expect(resolver.resolve({ commune: 1 })).toMatchObject({ communeCode: '00001', resolved: true });
    expect(resolver.resolve({ province: 1 })).toMatchObject({ provinceCode: '01', resolved: true });
    expect(resolver.resolve({ district: '001' })).toMatchObject({ districtCode: '001', provinceCode: '01', resolved: true });
  });

  it('reports a commune name found in many districts as ambiguous, with the count', () => {
    const m = resolver.resolve({ commune: 'Xã An Bình' });
    expect(m.resolved).toBe(false);
    expect(m.candidates).toBeGreaterThan(5);
    expect(m.communeCode).toBeNull();
    expect(m.communeName).toBe('Xã An Bình');
  });

  it('resolves namesake communes by their district', () => {
    expect(resolver.resolve({ commune: 'Xã An Bình', district: 'Huyện Phú Giáo' })).toMatchObject({ communeCode: '25870', resolved: true });
    expect(resolver.resolve({ commune: 'xa an binh', district: 'H. Phu Giao', province: 'Binh Duong' })).toMatchObject({ communeCode: '25870' });
    const other = resolver.resolve({ commune: 'An Bình', district: 'Thị xã Dĩ An' });
    expect(other.resolved).toBe(true);
    expect(other.communeCode).not.toBe('25870');
    expect(resolver.commune(other.communeCode ?? '')?.districtName).toBe('Thị xã Dĩ An');
  });

  it('accepts the usual prefixes and numbered wards', () => {
    expect(resolver.resolve({ commune: 'P. 3', district: 'Q.3', province: 'TP.HCM' })).toMatchObject({ communeCode: '27154', districtCode: '770', provinceCode: '79' });
    expect(resolver.resolve({ commune: 'Phường 03', district: 'Quận 3', province: 'Thành phố Hồ Chí Minh' }).communeCode).toBe('27154');
    expect(resolver.resolve({ commune: 3, district: 'Q3', province: 'Hồ Chí Minh' }).communeCode).toBe('27154');
    expect(resolver.resolve({ commune: 'TT. Văn Điển', district: 'H. Thanh Trì' })).toMatchObject({ communeCode: '00640', resolved: true });
    expect(resolver.resolve({ commune: 'Thị trấn Văn Điển' })).toMatchObject({ communeCode: '00640', resolved: true });
    expect(resolver.resolve({ district: 'TP. Thủ Đức' })).toMatchObject({ districtCode: '762', resolved: true });
    expect(resolver.resolve({ province: 'T.P Hà Nội' }).provinceCode).toBe('01');
    expect(resolver.resolve({ province: 'Tỉnh Hoà Bình' }).provinceCode).toBe('17');
    expect(resolver.resolve({ province: 'Hòa Bình' }).provinceCode).toBe('17');
  });

  it('uses the written type to tell a town from the commune of the same name', () => {
    const town = resolver.resolve({ commune: 'Thị trấn Yên Viên', district: 'Huyện Gia Lâm' });
    const commune = resolver.resolve({ commune: 'Xã Yên Viên', district: 'Huyện Gia Lâm' });
    expect([town.communeCode, commune.communeCode]).toEqual(['00526', '00532']);
    expect(resolver.resolve({ commune: 'Yên Viên', district: 'Huyện Gia Lâm' })).toMatchObject({ resolved: false, candidates: 2 });
  });

  it('treats a name without diacritics as possibly any accented spelling', () => {
    expect(resolver.resolve({ commune: 'Phường Sa Pả', district: 'Thị xã Sa Pa' }).communeCode).toBe('03016');
    expect(resolver.resolve({ commune: 'phuong sa pa', district: 'sa pa' })).toMatchObject({ resolved: false, candidates: 2 });
  });

  it('reports unknown names as unresolved with no candidates', () => {
    expect(resolver.resolve({ commune: 'Xã Không Có', district: 'Huyện Phú Giáo' })).toMatchObject({ resolved: false, candidates: 0, communeName: 'Xã Không Có', districtCode: '722' });
    expect(resolver.resolve({})).toMatchObject({ resolved: false, candidates: 0 });
  });

  it('extracts units from a list title', () => {
    const m = resolver.resolve({ text: 'DANH SÁCH CHI TRẢ HỖ TRỢ ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI XÃ AN BÌNH, HUYỆN PHÚ GIÁO, TỈNH BÌNH DƯƠNG' });
    expect(m).toMatchObject({ provinceCode: '74', districtCode: '722', communeCode: '25870', communeName: 'Xã An Bình', resolved: true });
    expect(resolver.resolve({ text: 'Danh sách hộ nghèo phường 3, quận 3, TP. Hồ Chí Minh năm 2020' }).communeCode).toBe('27154');
    expect(resolver.resolve({ text: 'UBND XÃ AN BÌNH' })).toMatchObject({ resolved: false });
  });

  it('reads a commune cell that also names its district', () => {
    expect(resolver.resolve({ commune: 'Xã An Bình, Huyện Phú Giáo' })).toMatchObject({ communeCode: '25870', resolved: true });
    expect(resolver.resolve({ commune: 'An Bình, Phú Giáo, Bình Dương' })).toMatchObject({ communeCode: '25870', resolved: true });
  });

  it('keeps the commune as written when a title names an unknown one', () => {
    expect(resolver.resolve({ text: 'Danh sách chi trả Xã Không Tồn Tại, huyện Phú Giáo' })).toMatchObject({
      resolved: false,
      candidates: 0,
      districtCode: '722',
      communeName: 'Không Tồn Tại',
    });
  });

  it('fills a missing district from the title', () => {
    expect(resolver.resolve({ commune: 'An Bình', text: 'HUYỆN PHÚ GIÁO - TỈNH BÌNH DƯƠNG' }).communeCode).toBe('25870');
  });

  it('reads an address without type words, last part first', () => {
    expect(resolver.resolve({ text: 'Ấp 2, An Bình, Phú Giáo, Bình Dương' }).communeCode).toBe('25870');
  });

  it('resolves every commune of the list back to its own code from its name, district and province', () => {
    const wrong: string[] = [];
    for (const [, provinceName, districtCode, districtName, code, name] of communeRows()) {
      const byName = resolver.resolve({ commune: name, district: districtName, province: provinceName });
      if (byName.communeCode !== code || !byName.resolved) wrong.push(`${code} ${name} (names)`);
      const byCode = resolver.resolve({ commune: name, district: districtCode });
      if (byCode.communeCode !== code || !byCode.resolved) wrong.push(`${code} ${name} (district code)`);
    }
    expect(wrong).toEqual([]);
  });

  it('with the district name alone, fails only where that district name repeats across provinces, and then says so', () => {
    const rows = communeRows();
    const provincesOfDistrictName = new Map<string, Set<string>>();
    for (const [provinceCode, , , districtName] of rows) {
      const set = provincesOfDistrictName.get(districtName ?? '') ?? new Set<string>();
      set.add(provinceCode ?? '');
      provincesOfDistrictName.set(districtName ?? '', set);
    }
    for (const [, , , districtName, code, name] of rows) {
      const m = resolver.resolve({ commune: name, district: districtName });
      if (m.communeCode === code) continue;
      expect(provincesOfDistrictName.get(districtName ?? '')?.size).toBeGreaterThan(1);
      expect(m).toMatchObject({ resolved: false, communeCode: null });
      expect(m.candidates).toBeGreaterThan(1);
    }
  });

  it('resolves every commune from its name without diacritics and its district code, unless the folded name repeats', () => {
    const rows = communeRows();
    const folded = new Map<string, number>();
    const key = (district: string, name: string): string => `${district}|${foldKey(name).replace(/^(xa|phuong|thi tran) /, '')}`;
    for (const [, , districtCode, , , name] of rows) folded.set(key(districtCode ?? '', name ?? ''), (folded.get(key(districtCode ?? '', name ?? '')) ?? 0) + 1);
    let unique = 0;
    for (const [, , districtCode, , code, name] of rows) {
      const m = resolver.resolve({ commune: foldKey(name ?? ''), district: districtCode });
      if (folded.get(key(districtCode ?? '', name ?? '')) === 1) {
        unique++;
        expect(m.communeCode).toBe(code);
      } else {
        expect(m.candidates).toBeGreaterThanOrEqual(1);
      }
    }
    expect(unique).toBeGreaterThan(10_600);
  });
});
