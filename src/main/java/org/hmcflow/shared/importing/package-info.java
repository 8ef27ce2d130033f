/**
 * 数据导入 — one way to import the lists the city plans hold (enterprises to audit, ponds and sites to close, measures
 * with their departments, projects, emission targets), whatever the list.
 *
 * <p>A list is a UTF-8 CSV file transcribed from a plan's table ({@link org.hmcflow.shared.importing.CsvTable}: a
 * header row, then one row per item; each row remembers the line it starts on). A capability describes its rows once
 * as a {@link org.hmcflow.shared.importing.RowImporter}: the natural key of a row (what makes two imports of the same
 * row the same item), how a row is checked into a value, and how the value is written. {@link
 * org.hmcflow.shared.importing.ListImport} runs it: every problem is named by its line and column
 * ({@code lines[12].lead}), a key that appears twice is refused, and by default nothing is written unless every row
 * is good; the {@link org.hmcflow.shared.importing.ImportSummary} counts created, changed, unchanged and refused rows.
 * A second import of the same file changes nothing.
 *
 * <p>The plans' deadlines lie in 2018–2020. An import is made "as of" a date: {@link
 * org.hmcflow.shared.importing.TimeLimit} reads a plan's time-limit cell ("2020年底前", "2018年起", "持续实施"), and
 * {@link org.hmcflow.shared.importing.ImportTiming} says whether the item is historical (due before the as-of date:
 * recorded with the status the data file gives, never reminded or escalated) or live (gets a deadline).
 */
package org.hmcflow.shared.importing;
