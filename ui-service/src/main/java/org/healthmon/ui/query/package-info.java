/**
 * The query service as the UI sees it: a typed HTTP interface client
 * ({@link org.healthmon.ui.query.QueryClient}) that follows the service's committed
 * OpenAPI document, the UI's own copies of its JSON records, its problem details as
 * exceptions, and a health indicator saying whether it answers. The two apps share the
 * document only, never classes. How the UI builds such clients and health indicators
 * ({@link org.healthmon.ui.query.ServiceClients},
 * {@link org.healthmon.ui.query.ServiceHealthIndicator}) serves the alert service's too.
 */
package org.healthmon.ui.query;
