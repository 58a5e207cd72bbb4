// TypeScript declarations for embedders: the JS API of nianbao.mjs, the <nianbao-check> element,
// the bare wasm module (createNianbao), and the result they return — the JSON of spec §9,
// schema "nianbao/1" (docs/nianbao-1.schema.json is the same contract as a JSON Schema).

/** Byte offsets into the UTF-8 input (or into `input.text` when the result has one); line is 1-based. */
export interface Span { start: number; end: number; line: number; }

export type Severity = 'error' | 'warning' | 'info';

/** A rule's stable id (docs/rules.md; `nianbao rules`). */
export type RuleId = string;

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Plain Chinese. */
  message: string;
  span: Span;
  expected?: number;
  actual?: number;
  /** Cells or text the finding was computed from. */
  related?: Span[];
  hint?: string;
  /** One defect in several places: every place, the first being `span`. */
  occurrences?: Span[];
  /** A reviewer's verdict: only in the page's JSON export (已核实 / 不是问题 with its reason). */
  review?: { state: 'confirmed' | 'dismissed'; reason: string };
}

export interface Section { number: string; title: string; span: Span; subsections?: Section[]; }

export interface Cell {
  /** The official row label; a sub-item carries its parent before a "/". */
  row: string;
  col: string;
  /** null when blank or invalid. */
  value: number | null;
  /** The cell as written (normalised). */
  raw: string;
  span: Span;
  /** The value is a reviewer's correction (options.cells). */
  corrected?: true;
}

export interface UnreadRow { row: string; cols: string[]; before: string | null; }

export interface Table {
  id: 'T2' | 'T3' | 'T4' | 'legacy';
  template: '2019' | '2021' | 'legacy';
  cells: Cell[];
  /** Template rows not read (or only in part), in template order. */
  unread?: UnreadRow[];
  /** Rows whose run-together digits split in several fitting ways (cell-ambiguous). */
  ambiguous?: AmbiguousRow[];
}

/** A row read in several fitting ways: each split, with the relations it satisfies (true),
 *  breaks (false) or cannot be checked with (null). A choice becomes a CellCorrection. */
export interface AmbiguousRow {
  span: Span;
  cells: { row: string; col: string }[];
  candidates: { values: (number | null)[]; relations: { rule: RuleId; row: string; col: string; holds: boolean | null }[] }[];
}

export interface Stats {
  errors: number;
  warnings: number;
  infos: number;
  tables: number;
  cells: number;
  text_sums?: { total: string; parts: string; holds: boolean }[];
  text_shares?: { share: string; of: string; holds: boolean }[];
  text_table?: { text: string; cell: string; table: string; scope: string; holds: boolean }[];
  deadline?: { due: string; met: boolean; published: string; source: string; basis: string };
  period?: { from: string; to: string; holds: boolean };
  figures?: { id: string; title: string; value: number; unit: string; source: 'table' | 'text'; span?: Span }[];
  charts?: { id: string; title: string; unit: string; items: { label: string; value: number }[] }[];
  rates?: { id: string; title: string; percent: number; numerator: number; denominator: number; basis: string }[];
}

/** The result of checking one report. */
export interface Report {
  schema: 'nianbao/1';
  file: string;
  input: { format: 'text' | 'html' | 'docx' | 'pdf'; encoding: string; text?: string };
  meta: {
    agency: string | null;
    year: number | null;
    published: string | null;
    format: 'legacy' | '2019' | '2021' | 'unknown';
    kind: 'government' | 'department' | 'unknown';
    script: 'hans' | 'hant';
  };
  sections: Section[];
  tables: Table[];
  findings: Finding[];
  stats: Stats;
}

export type ErrorCode =
  | 'empty_input' | 'too_large' | 'not_text' | 'icu_unavailable' | 'io_error'
  | 'bad_docx' | 'bad_html' | 'bad_runs' | 'bad_cells' | 'bad_draft';

/** An input that could not be checked. */
export interface ErrorResult {
  schema: 'nianbao/1';
  file: string;
  error: { code: ErrorCode; message: string; position: number };
}

export type Result = Report | ErrorResult;

/** A cell of one of a pair's reports, compared across the years (docs/contracts.md). */
export interface CompareCell {
  table: 'T2' | 'T3';
  /** The template's row key and column label. */
  row: string;
  col: string;
  /** read: the cell's value; split: a run-together row's digits in the one split the years
   *  leave; ambiguous: several fitting splits; blank: blank or invalid (raw); unread: the format
   *  has the cell, not read; none: the report's format has no such cell. */
  state: 'read' | 'split' | 'ambiguous' | 'blank' | 'unread' | 'none';
  /** null unless read or split: never a guess. */
  value: number | null;
  raw?: string;
  /** In its own report: previous cells in the report at previous_index, the others at index. */
  span?: Span;
  corrected?: true;
}

/** The pair's tables side by side: what xyear-carry and xyear-stock are computed from. `agree`
 *  is null when a value is missing; false is exactly one finding of the rule. */
export interface YearCompare {
  /** 表三 per column: last year's 四、结转下年度继续办理, this year's 二、上年结转. */
  carry: { label: string; previous: CompareCell; current: CompareCell; agree: boolean | null }[];
  /** 表二 (2021 format) 规章 and 行政规范性文件: last year's 现行有效件数, this year's 制发, 废止, 现行有效. */
  stock: {
    label: string;
    previous: CompareCell;
    issued: CompareCell;
    abolished: CompareCell;
    current: CompareCell;
    /** previous + issued − abolished, when the four are known. */
    expected: number | null;
    agree: boolean | null;
  }[];
}

/** One body's consecutive years compared (Session.crossYear, the CLI's cross_year line). */
export interface CrossYearPair {
  agency: string;
  year: number;
  previous_year: number;
  file: string;
  previous_file: string;
  /** Indexes of the two reports in the order they were checked. */
  index: number;
  previous_index: number;
  sentences: number;
  repeated: number;
  compare: YearCompare;
  findings: Finding[];
}

/** A reviewer's correction of a cell, applied before any check. */
export interface CellCorrection { table: Table['id']; row: string; col: string; value: number | null; }

export interface CheckOptions {
  /** The name reported in `file`. */
  file?: string;
  /** "auto" by default: a zip is DOCX, PDF text runs by their header, markup is HTML. */
  format?: 'auto' | 'text' | 'html' | 'docx' | 'pdf';
  max_input_bytes?: number;
  cells?: CellCorrection[];
}

/** One rule of the registry (rules()). The wasm build leaves `description` out. */
export interface RuleInfo {
  id: RuleId;
  family: 'tables' | 'cells' | 'structure' | 'dates' | 'text' | 'integrity' | 'years';
  severity: Severity;
  name: { zh_CN: string; en: string };
  description?: string;
  spec: string;
}

/**
 * Checks a report: text (HTML when `options.format` is "html"), the bytes of a DOCX, or a
 * File/Blob of any supported type (.txt in UTF-8 or GBK, .html, .docx, .pdf). Runs in a Web
 * Worker; nothing leaves the page.
 */
export function check(input: string | Uint8Array | ArrayBuffer | Blob, options?: CheckOptions): Promise<Result>;

/** Defines the <nianbao-check> element (done on import; call it to use another tag name). */
export function define(name?: string): void;

/** <nianbao-check lang="zh-CN|en" compact mode="check|write">: the checker (and, in mode
 *  "write", the 编制 editor) as a page element. */
export interface NianbaoCheckElement extends HTMLElement {
  lang: 'zh-CN' | 'en';
  /** Checks one input and shows it (as the exported check() does, shown in the element). */
  check(input: string | Uint8Array | ArrayBuffer | Blob, options?: CheckOptions): Promise<Report>;
  /** Forgets every report shown. */
  clear(): void;
}

/** A report being written (编制, docs/contracts.md "Drafts"). */
export interface Draft {
  agency: string;
  year: number;
  date: string;
  cells: CellCorrection[];
  overview: string;
  problems: string;
  other: string;
}

declare global {
  interface HTMLElementTagNameMap { 'nianbao-check': NianbaoCheckElement; }
}

/** The bare wasm module (build/wasm/wasm/nianbao.js): JSON strings in and out. */
export interface NianbaoModule {
  /** The same JSON as `nianbao check --format json`, for one input. */
  check(input: string, optionsJson: string): string;
  version(): string;
  /** {"schema":"nianbao/1","rules":[RuleInfo…]} */
  rules(): string;
  Session: new () => NianbaoSession;
  /** The 2021 form: sections, the tables' official layout (docs/contracts.md "Drafts"). */
  draftForm(): string;
  /** A draft (JSON) rendered and checked: {"schema","markdown","result"}, or an error JSON. */
  checkDraft(draftJson: string): string;
  /** Last year's report as a start: {"schema","draft","carried","notes"}, or an error JSON. */
  draftStart(input: string | Uint8Array, optionsJson: string): string;
}

/** Keeps the reports it checked, so that one body's consecutive years can be compared. */
export interface NianbaoSession {
  check(input: string, optionsJson: string): string;
  /** {"schema":"nianbao/1","cross_year":[CrossYearPair…]} */
  crossYear(): string;
  size(): number;
  clear(): void;
  delete(): void;
}

export type CreateNianbao = (moduleArg?: { wasmBinary?: ArrayBuffer | Uint8Array }) => Promise<NianbaoModule>;
