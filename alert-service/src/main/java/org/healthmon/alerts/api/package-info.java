/**
 * The REST API: the alerts now and their history.
 */
package org.healthmon.alerts.api;
