/**
 * The query service's REST API, as the alert service reads it: per-minute series and the
 * catalog.
 */
package org.healthmon.alerts.query;
