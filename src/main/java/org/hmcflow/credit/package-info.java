/**
 * 信用 — what enforcement leaves on an enterprise's record: the violations of closed cases as inputs of the credit
 * evaluation (企业环境信用评价办法（试行）环发〔2013〕150号) and the public blacklist of offenders (黑名单, Zhuzhou plan
 * 五(五)), from which an enterprise is delisted later with a reason.
 */
package org.hmcflow.credit;
