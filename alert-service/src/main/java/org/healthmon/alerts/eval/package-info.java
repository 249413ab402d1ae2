/**
 * RED and AMBER evaluated minute by minute in event time from a checkpoint, and what an
 * evaluation found.
 */
package org.healthmon.alerts.eval;
