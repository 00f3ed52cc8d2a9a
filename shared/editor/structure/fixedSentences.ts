/** The fixed sentences GB/T 1.1—2020 prescribes for chapters 2 and 3. */

/** The lead-in of chapter 2 when it lists documents. */
export const NORMATIVE_REFERENCES_LEAD_IN =
  '下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。';

/** The parts of the lead-in that must all be present (checked with whitespace and bracket width ignored). */
export const NORMATIVE_REFERENCES_LEAD_IN_PARTS = [
  '下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款',
  '注日期的引用文件，仅该日期对应的版本适用于本文件',
  '不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件',
] as const;

/** Chapter 2 when nothing is referenced. */
export const NO_NORMATIVE_REFERENCES = '本文件没有规范性引用文件。';

/** The lead-in of chapter 3 (also `GB/T xxxx界定的以及下列术语和定义适用于本文件。`). */
export const TERMS_LEAD_IN = '下列术语和定义适用于本文件。';

/** What every form of the chapter 3 lead-in ends with. */
export const TERMS_LEAD_IN_CORE = '术语和定义适用于本文件';

/** Chapter 3 when nothing is defined. */
export const NO_TERMS = '本文件没有需要界定的术语和定义。';
