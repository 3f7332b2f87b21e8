/** A dangling separator left after cutting the credit off. */
const TRAILING_SEPARATOR = /[\s\u2013\u2014|/-]+$/;
/** The copyright label that precedes a credit ("– Copyright Courtesy of Azertag", "Foto: dpa"). */
const TRAILING_LABEL = /\s*(?:©|\(c\)|copyright|photo:|photos:|foto:|fotos:|bild:|credit:|quelle:)\s*$/i;

/** Caption text without the credit (and its "– Copyright" label), or null when nothing is left. */
export function cleanCaption(caption: string, credit: string | null): string | null {
  let text = caption.replace(/[\s\u00a0]+/g, ' ').trim();
  if (credit && text.endsWith(credit)) text = text.slice(0, -credit.length);
  else if (credit) text = text.replace(credit, '');
  for (let pass = 0; pass < 3; pass++) text = text.replace(TRAILING_SEPARATOR, '').replace(TRAILING_LABEL, '').trim();
  return text || null;
}
