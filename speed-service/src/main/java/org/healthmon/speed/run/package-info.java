/**
 * The speed runs: one run absorbs the new raw files into the live realtime sets and
 * publishes their versions; its schedule, status, metrics and health.
 */
package org.healthmon.speed.run;
