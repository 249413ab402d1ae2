/**
 * The HTTP API: the controller, the window and step rules with their 400 problem details,
 * the answers' JSON model and the mapping of every failure to a problem detail (400, 503
 * or 500).
 */
package org.healthmon.query.api;
