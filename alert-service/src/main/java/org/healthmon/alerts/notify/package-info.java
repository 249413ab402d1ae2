/**
 * Notifications to Alertmanager's v2 API.
 */
package org.healthmon.alerts.notify;
