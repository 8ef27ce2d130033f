/**
 * 督办令 — supervision orders: a supervisor issues an order on any deadline item (新期限, 接收方, 督办意见); the addressee
 * answers by the order's deadline, reminded and escalated like any step; a supervisor accepts the answer (办结) or
 * returns it with a new deadline; the issuer may withdraw it. Process {@code processes/supervision/supervision-order.bpmn}
 * (key {@code supervision-order}, business key = the order's id), forms in {@code forms/supervision/}. Its answer and
 * review steps become deadline items of lifecycle {@code supervision-order} like every step. Issued and returned orders
 * are e-mailed to the addressee's users through the outbox.
 */
package org.hmcflow.supervision.order;
