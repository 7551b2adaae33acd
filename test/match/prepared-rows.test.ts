import { describe, expect, it } from 'vitest';
import { defaultNameFrequencies } from '../../src/match/name-frequencies.js';
import { newPrepareCache, prepareRows, RunRows } from '../../src/match/prepare.js';
import { TextColumn, trustedKindOf } from '../../src/match/prepared-rows.js';
import { forgetPreparationLookups } from '../../src/match/prepare-cache.js';
import { joinedText, sameJoined, type NameParts } from '../../src/match/parse-name.js';
import { person } from './person.js';

describe('prepareRows', () => {
  const cache = newPrepareCache();
  const rows = prepareRows(
    [
      person({ fullName: 'Nguyễn Văn An', gender: 'M', birthDate: '1980-03-07', idNumber: '036080001234', idKind: 'CCCD', householdCode: 'hk 12' }),
      person({ fullName: 'Lê Thị Bình', gender: 'F', birthYear: 1975, idNumber: '3608OO12', idKind: 'INVALID', householdHead: 'Lê Văn Cường', village: null }),
      person({ fullName: 'Nguyễn Văn An', idNumber: '036080001234', idKind: 'CCCD', flags: ['ID_INVALID'], fatherName: 'Nguyễn Văn Ba' }),
    ],
    'trusted',
    defaultNameFrequencies(),
    cache,
  );

  it('keeps each field of each row in its column', () => {
    expect(rows.length).toBe(3);
    expect([...rows.gender]).toEqual([1, 2, 0]);
    expect([...rows.year]).toEqual([1980, 1975, 0]);
    expect(cache.dates.value(rows.dateId[0] ?? -1)).toBe('1980-03-07');
    expect(cache.dateYmd[rows.dateId[0] ?? -1]).toBe(19800307);
    expect(rows.dateId[1]).toBe(-1);
    expect(rows.nameOf(0).giv.key).toBe('an');
    expect(rows.nameOf(2).joinedId).toBe(rows.nameOf(0).joinedId); // parsed again for another gender, numbered alike
    expect(rows.nameId[2]).not.toBe(rows.nameId[0]);
    expect(rows.villageId[1]).toBe(-1);
    expect(rows.villageId[0]).toBe(rows.villageId[2]);
    expect(rows.household.get(0)).toBe('HK12');
    expect(rows.household.get(1)).toBeNull();
    expect(rows.head.get(1)).toBe('le van cuong');
    expect(rows.father.get(2)).toBe('nguyen van ba');
    expect(rows.mother.get(0)).toBeNull();
  });

  it('trusts a valid CMND/CCCD only, and halves the IDs it does not trust', () => {
    expect(rows.idTrusted(0)).toBe('036080001234');
    expect(trustedKindOf(rows.trustedKind[0] ?? 0)).toBe('CCCD');
    expect(rows.idLoose(0)).toBeNull();
    expect(rows.idHeadOf(0)).toBe(-1);
    expect(rows.idTrusted(2)).toBeNull(); // flagged invalid
    expect(rows.idLoose(2)).toBe('036080001234');
    expect(rows.idKey[2]).toBe(rows.idKey[0]);
    // Read back from their keys: digits with their leading zeros, other texts by their number.
    expect([rows.idText(1), rows.idLength(1), rows.idLength(0)]).toEqual(['3608OO12', 8, 12]);
    expect(cache.idHeads.value(rows.idHeadOf(2))).toBe('036080');
    expect(cache.idTails.value(rows.idTailOf(1))).toBe('OO12');
  });

  it('numbers the rows of two lists one after the other in a run', () => {
    const right = prepareRows([person({ fullName: 'Trần Thị Cúc', birthYear: 1990 })], 'trusted', defaultNameFrequencies(), cache);
    const run = new RunRows(rows, right, cache);
    expect(run.length).toBe(4);
    expect(run.rowsOf(2)).toBe(rows);
    expect(run.rowsOf(3)).toBe(right);
    expect(run.indexOf(3)).toBe(0);
    expect(run.sortKey(0)).toBe('nguyenvanan|1980-03-07');
    expect(run.sortKey(3)).toBe('tranthicuc|1990');
  });
});

describe('TextColumn', () => {
  it('holds no array until a row has a value, then every row its own', () => {
    const column = new TextColumn(3);
    column.set(0, null);
    expect((column as unknown as { values: unknown }).values).toBeNull();
    column.set(2, 'x');
    expect([column.get(0), column.get(1), column.get(2)]).toEqual([null, null, 'x']);
    column.set(2, null);
    expect(column.get(2)).toBeNull();
  });
});

describe('parsed names', () => {
  it('are parsed once per full name and gender, and numbered in the names table', () => {
    const cache = newPrepareCache();
    const rows = prepareRows(
      [person({ fullName: 'Nguyễn Văn An', gender: 'M' }), person({ fullName: 'Nguyễn Văn An', gender: 'M' }), person({ fullName: 'Nguyễn Văn An', gender: 'F' }), person({ fullName: 'Lê Thị Hoa', gender: 'F' })],
      'trusted',
      defaultNameFrequencies(),
      cache,
    );
    expect(rows.nameId[0]).toBe(rows.nameId[1]);
    expect(new Set(rows.nameId).size).toBe(3);
    expect([cache.names.size, cache.nameTable.size]).toEqual([3, 3]);
    expect(cache.names.find('Nguyễn Văn An', 2)).toBe(rows.nameId[2]);
    expect(cache.names.find('Nguyễn Văn An', 0)).toBe(-1);
    expect(rows.nameOf(3).giv.key).toBe('hoa');
  });

  it('parse a name again when it comes with another key, without losing the first', () => {
    const cache = newPrepareCache();
    const rows = prepareRows(
      [person({ fullName: 'Nguyễn Văn An', nameKey: 'nguyen van an' }), person({ fullName: 'Nguyễn Văn An', nameKey: 'nguyen van anh' }), person({ fullName: 'Nguyễn Văn An', nameKey: 'nguyen van an' })],
      'trusted',
      defaultNameFrequencies(),
      cache,
    );
    expect([0, 1, 2].map((i) => rows.nameOf(i).giv.key)).toEqual(['an', 'anh', 'an']);
    expect(rows.nameId[2]).toBe(rows.nameId[0]);
  });
});

describe('names without their spaces', () => {
  const cache = newPrepareCache();
  const rows = prepareRows(
    ['Phan Thị Mỹ Tiên', 'Phan Thị MỹTiên', 'PHAN THI MY TIEN', 'Phan Thị Mỹ Tuyền', 'Phan Thị Mỹ Tiên Anh'].map((fullName) => person({ fullName })),
    'trusted',
    defaultNameFrequencies(),
    cache,
  );
  const names = Array.from({ length: rows.length }, (_, i) => rows.nameOf(i));
  const [spaced, joined, upper, other, longer] = names as [NameParts, NameParts, NameParts, NameParts, NameParts];

  it('are one for names split apart or written without tones, and their text is the key without spaces', () => {
    expect(joined.giv.key).toBe('mytien');
    expect([sameJoined(spaced, joined), sameJoined(spaced, upper), sameJoined(joined, upper)]).toEqual([true, true, true]);
    expect(joined.joinedId).toBe(spaced.joinedId);
    expect(joinedText(joined)).toBe('phanthimytien');
    // The names table answers as the parts do.
    expect([rows.names.sameJoined(rows.nameId[0] ?? -1, rows.nameId[1] ?? -1), rows.names.sameJoined(rows.nameId[0] ?? -1, rows.nameId[3] ?? -1)]).toEqual([true, false]);
    expect(rows.names.joinedText(rows.nameId[1] ?? -1)).toBe('phanthimytien');
  });

  it('differ for other names, and a name without a key is none', () => {
    expect([sameJoined(spaced, other), sameJoined(spaced, longer), sameJoined(other, longer)]).toEqual([false, false, false]);
    expect(new Set(names.map((n) => n.joinedId)).size).toBe(3);
    const none = prepareRows([person({ fullName: null })], 'trusted', defaultNameFrequencies(), cache).nameOf(0);
    expect(none.joinedId).toBe(-1);
    expect(joinedText(none)).toBeNull();
    expect(sameJoined(none, none)).toBe(false);
  });
});

describe('forgetPreparationLookups', () => {
  it('prepares a list after the lookups are forgotten as it would have without forgetting', () => {
    const first = [
      person({ fullName: 'Nguyễn Văn An', gender: 'M', birthYear: 1980, village: 'Thôn Đông', householdHead: 'Nguyễn Văn Ba' }),
      person({ fullName: 'Trần Thị Khuê', gender: 'F', birthYear: 1950, village: 'Thôn 3' }),
    ];
    const second = [
      person({ fullName: 'Nguyễn Văn An', gender: 'M', birthYear: 1981, village: 'Thôn Đông', householdHead: 'Nguyễn Văn Ba' }),
      person({ fullName: 'Lò Văn Sáng', gender: 'M', birthYear: 1970, village: 'Bản Mường' }),
      person({ fullName: 'Trần Thị Khuê', gender: 'F', birthYear: 1950, village: 'Thôn 3' }),
    ];
    const names = defaultNameFrequencies();
    const view = (rows: ReturnType<typeof prepareRows>) =>
      Array.from({ length: rows.length }, (_, i) => ({ ...rows.nameOf(i), village: rows.villageId[i], head: rows.head.get(i), year: rows.year[i] }));
    const kept = newPrepareCache();
    prepareRows(first, 'trusted', names, kept);
    const forgotten = newPrepareCache();
    prepareRows(first, 'trusted', names, forgotten);
    forgetPreparationLookups(forgotten);
    expect(forgotten.names.size).toBe(0);
    expect(view(prepareRows(second, 'trusted', names, forgotten))).toEqual(view(prepareRows(second, 'trusted', names, kept)));
  });
});
