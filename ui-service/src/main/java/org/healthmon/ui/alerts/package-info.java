/**
 * The alert service as the UI sees it: a typed HTTP interface client
 * ({@link org.healthmon.ui.alerts.AlertClient}) that follows the service's committed
 * OpenAPI document, the UI's own copies of its JSON records, its problem details as
 * exceptions, and a health indicator saying whether it answers. The two apps share the
 * document only, never classes.
 */
package org.healthmon.ui.alerts;
