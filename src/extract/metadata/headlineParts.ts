/** Separators between a headline and the site or section name in a page `<title>` ("Headline | Site"). */
export const TITLE_SEPARATOR = / [|\-\\/>»·–—] /g;

/**
 * The parts of a page title before its last separator: "Opening hours – Site" gives ["Opening hours"], "Section |
 * Headline | Site" gives both first parts. WordPress writes a post's document title as "Title – Site name".
 */
export function headlineParts(title: string): string[] {
  const parts = title.split(TITLE_SEPARATOR);
  return parts.length > 1
    ? parts
        .slice(0, -1)
        .map((part) => part.trim())
        .filter(Boolean)
    : [];
}
