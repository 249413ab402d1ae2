/**
 * The rules: thresholds, durations and hysteresis per resource, with per-service
 * overrides by name pattern.
 */
package org.healthmon.alerts.rules;
