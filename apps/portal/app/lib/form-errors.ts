/** A message for the page: from the catalogue, or the API's own (Danish) words. */
export interface FormMessage {
  text: string;
  fromApi?: boolean;
}

/** What went wrong with a submitted form: problems with the whole form, and per field. */
export interface FormErrors {
  form: FormMessage[];
  fields: Record<string, FormMessage>;
}
