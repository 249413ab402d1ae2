package org.healthmon.alerts.eval;

import java.util.Comparator;

import org.healthmon.alerts.rules.Resource;
import org.healthmon.alerts.rules.Severity;
import org.jspecify.annotations.Nullable;

/**
 * An alert's identity: the service, the resource (none for {@link Severity#DOWN}) and the
 * severity. One alert per identity is active at a time.
 */
public record AlertKey(String service, @Nullable Resource resource, Severity severity) {

	/** By service, then resource (DOWN first), then severity. */
	public static final Comparator<AlertKey> ORDER = Comparator.comparing(AlertKey::service)
		.thenComparing((AlertKey key) -> (key.resource() != null) ? key.resource().ordinal() + 1 : 0)
		.thenComparing(AlertKey::severity);

	public static AlertKey down(String service) {
		return new AlertKey(service, null, Severity.DOWN);
	}

}
