/**
 * The query service: reads the batch view and the realtime set that starts at its cutoff
 * with DuckDB and answers {@code /api/v1} (docs/architecture.md §9, §10). This package
 * wires the parts ({@code QueryConfiguration}) and holds the validated settings. Packages
 * depend downhill only: {@code api} → {@code views} → {@code sql}.
 */
package org.healthmon.query;
