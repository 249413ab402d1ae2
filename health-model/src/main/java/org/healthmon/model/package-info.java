/**
 * The data contracts of healthmon, in one place: the health message and its JSON shapes,
 * the raw CSV line, the per-minute stats and their merge, and where everything lives in
 * storage. Every app reads and writes these through this package only.
 */
package org.healthmon.model;
