/**
 * The views the service answers from: following the manifests ({@code ViewFollower}),
 * copying each batch segment and realtime version once into the local cache as day files
 * with hourly rollups ({@code ViewCache}), the snapshot a query reads (one batch version
 * and the realtime set that starts at its cutoff) and the SQL over a snapshot
 * ({@code ViewQueries}).
 */
package org.healthmon.query.views;
