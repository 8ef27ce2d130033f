/**
 * 排污许可 — pollutant-discharge permits (排污许可管理条例, State Council Decree 736), in four packages, one for each part
 * of a permit's life. This package holds no classes, only this map.
 *
 * <ul>
 *   <li>{@link org.hmcflow.permit.application} — 申领: the application, from filing through acceptance, the admission
 *       and category tables, review and the statutory decision clock to the decision ({@code permit-application}).
 *   <li>{@link org.hmcflow.permit.issued} — the issued permit: 核发, its number, validity, status and holder, the
 *       printable certificate and the permit's record (许可证记录).
 *   <li>{@link org.hmcflow.permit.report} — 执行报告: the execution reports a permit requires, filed and reviewed
 *       ({@code permit-execution-report}), and the permits' JSON API, which shows each permit with its reports.
 *   <li>{@link org.hmcflow.permit.afterissue} — after issue: renewal (延续), change (变更), cancellation, revocation and
 *       withdrawal (注销/撤销/吊销) and the three-year bar ({@code permit-renewal}, {@code permit-change},
 *       {@code permit-cancellation}).
 * </ul>
 *
 * <h2>Who may depend on whom</h2>
 * <pre>
 *   report ──────┐          ┌────── afterissue
 *     │          ▼          ▼          │
 *     │      issued (the events)       │
 *     │             │                  │
 *     │             ▼                  │
 *     └────────→ application ←─────────┘
 * </pre>
 * <ul>
 *   <li>{@code application} depends on no other permit package. What it must know of permits it asks through
 *       interfaces the packages above implement: {@code IssuedPermits} (the permit issued on an application, the
 *       permit a re-application replaces; {@code issued} answers) and {@code BarredApplicants} (the three-year bar;
 *       {@code afterissue} answers).
 *   <li>{@code issued} depends on {@code application} only: a permit is made from an application and states its
 *       contents.
 *   <li>{@code report} and {@code afterissue} depend on {@code issued} and {@code application}. Nothing depends on
 *       them, and they do not depend on each other.
 *   <li>The events are the seams, and they live in {@code issued}, below everyone who publishes or hears them:
 *       {@code PermitIssued} (published at issue; {@code report} starts the record and schedules the reports,
 *       {@code afterissue} ends the permit a re-application replaces and starts the renewal watch, in that order),
 *       {@code PermitRenewed} and {@code PermitEnded} (published by {@code afterissue}; {@code report} extends or
 *       stops the reports).
 *   <li>Each package's {@code delegates} belong to it.
 * </ul>
 * Each package lists the types it makes public, and why; everything else is package-private.
 * {@code org.hmcflow.ArchitectureTest} holds the packages to this graph, to being free of cycles and to those lists.
 */
package org.hmcflow.permit;
