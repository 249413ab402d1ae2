/**
 * The alert service: its settings, the evaluation cycle and its schedule, metrics and
 * health. The rules are in {@code rules}, the minute-by-minute evaluation in
 * {@code eval}, the saved state in {@code state}, the query service's client in
 * {@code query}, Alertmanager in {@code notify}, the REST API in {@code api}.
 */
package org.healthmon.alerts;
