/**
 * The alerts' state on local disk, so that a restart neither fires again nor loses an
 * alert.
 */
package org.healthmon.alerts.state;
