// The record formats and their files; no writer code, so the page can list them without loading
// the writers.
export const RECORD_FORMATS = ["bibtex", "ris", "csl", "csv"] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

export const RECORD_FILES: Record<RecordFormat, { ext: string; mime: string; name: string }> = {
  bibtex: { ext: "bib", mime: "application/x-bibtex", name: "BibTeX" },
  ris: { ext: "ris", mime: "application/x-research-info-systems", name: "RIS" },
  csl: { ext: "json", mime: "application/vnd.citationstyles.csl+json", name: "CSL-JSON" },
  csv: { ext: "csv", mime: "text/csv", name: "CSV" },
};

export const isRecordFormat = (f: string): f is RecordFormat =>
  (RECORD_FORMATS as readonly string[]).includes(f);
