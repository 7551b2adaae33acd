import yauzl from 'yauzl';

/** The text of one entry of a zip file (an xlsx part such as `xl/styles.xml`). */
export async function zipText(path: string, entryName: string): Promise<string> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file))),
  );
  try {
    return await new Promise<string>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.replace(/^\//, '') !== entryName) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (error, stream) => {
          if (error) return reject(error);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          stream.on('error', reject);
        });
      });
      zip.on('end', () => reject(new Error(`${entryName} not in ${path}`)));
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

/** The cellXfs `<xf>` elements of a styles.xml, by style index. */
export function cellXfs(stylesXml: string): string[] {
  const section = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  return section.match(/<xf [^>]*?(?:\/>|>)/g) ?? [];
}
