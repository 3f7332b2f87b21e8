/** A named, parameterised query: values are always parameters, never concatenated into text. */
export interface Query {
  text: string;
  values: unknown[];
}
