/** The outcome of resolving administrative units. */
export interface AdminMatch {
  readonly provinceCode: string | null;
  readonly districtCode: string | null;
  readonly communeCode: string | null;
  /** The GSO name when the commune is resolved, else the commune as written (or null). */
  readonly communeName: string | null;
  /** True when the deepest level asked for (commune, else district, else province) is one unit. */
  readonly resolved: boolean;
  /** Units matching at that level: 0 unknown, 1 resolved, more ambiguous. */
  readonly candidates: number;
}

export interface AdminQuery {
  readonly province?: string | number | null;
  readonly district?: string | number | null;
  readonly commune?: string | number | null;
  /** A free title or address such as "DANH SÁCH CHI TRẢ … XÃ AN BÌNH, HUYỆN PHÚ GIÁO, TỈNH BÌNH DƯƠNG". */
  readonly text?: string | null;
}

export interface CommuneInfo {
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly districtCode: string;
  readonly districtName: string;
  readonly provinceCode: string;
  readonly provinceName: string;
}

export interface DistrictInfo {
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly provinceCode: string;
  readonly provinceName: string;
}

export interface ProvinceInfo {
  readonly code: string;
  readonly name: string;
  readonly type: string;
}
