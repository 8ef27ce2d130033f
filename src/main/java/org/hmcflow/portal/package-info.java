/**
 * 门户 — the browser pages of HMC-Flow itself: login, home, the inbox (待办箱), each step's page (the step's
 * {@code forms/} file drawn by the form-js viewer Tasklist uses, the files it asks for, the case's trail) and the form
 * preview. Server-rendered with Thymeleaf and htmx; page scripts are static files. Pages of one capability live in
 * that capability's package ({@code hazard.HazardPages}, the supervision dashboard) and share this package's layout.
 */
package org.hmcflow.portal;
