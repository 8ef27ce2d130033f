/**
 * 监测 — monitoring values shared by the lifecycles that read sampling results (supervisory monitoring during an
 * inspection, the re-inspection of an enforcement case): the units a concentration may be given in, one measurement
 * against its limit, and the exceedance multiple (超标倍数), which is always computed, never typed.
 */
package org.hmcflow.monitoring;
