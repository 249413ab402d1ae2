/**
 * DuckDB itself: the in-process database and its pool of connections with their prepared
 * statements and limits ({@code DuckDb}), the merge rule in SQL ({@code MergeSql}) and
 * the merged row a query returns ({@code Aggregate}). Knows nothing of views or
 * manifests.
 */
package org.healthmon.query.sql;
