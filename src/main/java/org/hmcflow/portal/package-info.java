/**
 * 门户 — the browser pages of HMC-Flow itself: the login page and the home page (my open steps, recent hazards,
 * links into the Camunda webapps). Server-rendered with Thymeleaf; works without JavaScript.
 */
package org.hmcflow.portal;
