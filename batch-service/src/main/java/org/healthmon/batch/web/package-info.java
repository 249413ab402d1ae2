/** The protected admin endpoint that triggers runs. */
package org.healthmon.batch.web;
