/**
 * Reads the small parts of an .xlsx package that locate and describe the sheets: the package and workbook
 * relationships, workbook.xml (sheet names, order, visibility, date system). Paths are resolved through
 * the relationships, so writers that use odd folders (`wtf/workbook.xml`) or absolute targets work.
 */
import { decodeXmlAttribute } from './xml-text.js';

export interface Relationship {
  readonly id: string;
  readonly type: string; // last segment of the Type URI: "worksheet", "officeDocument", …
  readonly target: string; // zip entry name, resolved
  readonly external: boolean;
}

export interface SheetPart {
  readonly name: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  readonly path: string;
}

export interface WorkbookPart {
  readonly sheets: readonly SheetPart[];
  readonly date1904: boolean;
  readonly sharedStringsPath: string | undefined;
  readonly stylesPath: string | undefined;
}

const TAG_PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';

/** Parses the attributes of one start tag into a map, decoding values. */
export function parseAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const re = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) {
    const name = m[1];
    if (name !== undefined) attributes.set(name, decodeXmlAttribute(m[2] ?? m[3] ?? ''));
  }
  return attributes;
}

/** All start tags `<name …>` (any namespace prefix) in an XML text. */
export function startTags(xml: string, localName: string): string[] {
  return xml.match(new RegExp(`<${TAG_PREFIX}${localName}(?=[\\s/>])[^>]*>`, 'g')) ?? [];
}

/** Normalises `a/b/../c` and strips a leading slash: zip entry names have neither. */
export function normalisePath(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** The `.rels` part that holds the relationships of `partPath`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Parses a relationships part; targets are resolved against the folder of the part they belong to. */
export function parseRelationships(xml: string, sourcePartPath: string): Relationship[] {
  const slash = sourcePartPath.lastIndexOf('/');
  const baseDir = sourcePartPath.slice(0, slash + 1);
  return startTags(xml, 'Relationship').map((tag) => {
    const a = parseAttributes(tag);
    const rawTarget = (a.get('Target') ?? '').trim();
    const external = a.get('TargetMode') === 'External';
    const target = rawTarget.startsWith('/') ? normalisePath(rawTarget) : normalisePath(baseDir + rawTarget);
    const type = (a.get('Type') ?? '').split('/').pop() ?? '';
    return { id: a.get('Id') ?? '', type, target: external ? rawTarget : target, external };
  });
}

/** Finds the main workbook part from the package relationships (`_rels/.rels`). */
export function officeDocumentPath(rootRelsXml: string | undefined): string | undefined {
  if (rootRelsXml === undefined) return undefined;
  return parseRelationships(rootRelsXml, '').find((r) => r.type === 'officeDocument' && !r.external)?.target;
}

/** Parses workbook.xml with its relationships into sheets (workbook order) and the other part paths. */
export function parseWorkbook(workbookXml: string, rels: readonly Relationship[]): WorkbookPart {
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetPart[] = [];
  for (const tag of startTags(workbookXml, 'sheet')) {
    const a = parseAttributes(tag);
    let relId: string | undefined;
    for (const [key, value] of a) if (key === 'id' || key.endsWith(':id')) relId = value;
    const rel = relId === undefined ? undefined : byId.get(relId);
    // Chart sheets, dialog and macro sheets hold no cells: only worksheets are listed.
    if (!rel || rel.external || rel.type !== 'worksheet') continue;
    const state = a.get('state');
    sheets.push({
      name: a.get('name') ?? '',
      state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      path: rel.target,
    });
  }
  const workbookPr = startTags(workbookXml, 'workbookPr')[0];
  const date1904Value = workbookPr === undefined ? undefined : parseAttributes(workbookPr).get('date1904');
  return {
    sheets,
    date1904: date1904Value === '1' || date1904Value === 'true',
    sharedStringsPath: rels.find((r) => r.type === 'sharedStrings' && !r.external)?.target,
    stylesPath: rels.find((r) => r.type === 'styles' && !r.external)?.target,
  };
}
