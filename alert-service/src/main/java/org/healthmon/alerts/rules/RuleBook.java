package org.healthmon.alerts.rules;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.healthmon.alerts.AlertProperties;

/**
 * The {@link Limits} of every service and resource: the resource's rule, changed by the
 * overrides whose pattern matches the service, in order. Built, and so checked, at
 * start-up: a wrong setting stops the service with a message naming the property.
 */
public final class RuleBook {

	/** Names resolved before the cache starts over (bounds memory under a name flood). */
	private static final int CACHE_LIMIT = 100_000;

	private final Map<Resource, Limits> base = new EnumMap<>(Resource.class);

	private final List<Compiled> overrides;

	private final Map<String, Limits[]> cache = new HashMap<>();

	public RuleBook(AlertProperties properties) {
		AlertProperties.Amber amber = properties.amber();
		int lookback = minutes(amber.lookback(), "healthmon.alerts.amber.lookback");
		int horizon = minutes(amber.horizon(), "healthmon.alerts.amber.horizon");
		for (Resource resource : Resource.values()) {
			AlertProperties.Rule rule = rule(properties, resource);
			String prefix = "healthmon.alerts." + resource.label() + ".";
			this.base.put(resource,
					limits(prefix, rule.enabled(), rule.threshold(), minutes(rule.forDuration(), prefix + "for"),
							rule.clearMargin(), minutes(rule.clearFor(), prefix + "clear-for"), lookback, horizon,
							amber.minPoints()));
		}
		this.overrides = properties.overrides().stream().map(Compiled::new).toList();
		for (int i = 0; i < this.overrides.size(); i++) {
			// every override applied once to each resource, so that a wrong one fails now
			Compiled override = this.overrides.get(i);
			for (Resource resource : Resource.values()) {
				override.apply("healthmon.alerts.overrides[" + i + "].", this.base.get(resource));
			}
		}
	}

	/** The limits of {@code resource} for {@code service}. */
	public Limits limits(String service, Resource resource) {
		Limits[] resolved = this.cache.get(service);
		if (resolved == null) {
			if (this.cache.size() >= CACHE_LIMIT) {
				this.cache.clear();
			}
			resolved = new Limits[Resource.values().length];
			for (Resource each : Resource.values()) {
				Limits limits = this.base.get(each);
				for (Compiled override : this.overrides) {
					if (override.matches(service, each)) {
						limits = override.apply("", limits);
					}
				}
				resolved[each.ordinal()] = limits;
			}
			this.cache.put(service, resolved);
		}
		return resolved[resource.ordinal()];
	}

	/** The longest lookback or rule span of any resource, in minutes. */
	public int lookbackMinutes() {
		return this.base.values().stream().mapToInt(Limits::lookbackMinutes).max().orElse(1);
	}

	private static AlertProperties.Rule rule(AlertProperties properties, Resource resource) {
		return switch (resource) {
			case CPU -> properties.cpu();
			case RAM -> properties.ram();
			case DISK -> properties.disk();
		};
	}

	static int minutes(Duration duration, String property) {
		if (duration.isNegative() || duration.toSeconds() % 60 != 0 || duration.getNano() != 0) {
			throw new IllegalArgumentException(
					property + " must be a whole number of minutes (the views' resolution), was " + duration);
		}
		return Math.toIntExact(duration.toMinutes());
	}

	private static Limits limits(String prefix, boolean enabled, double threshold, int forMinutes, double clearMargin,
			int clearMinutes, int lookback, int horizon, int minPoints) {
		try {
			return new Limits(enabled, threshold, forMinutes, clearMargin, clearMinutes, lookback, horizon, minPoints);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(prefix + ": " + ex.getMessage(), ex);
		}
	}

	/** An override with its pattern compiled. */
	private static final class Compiled {

		private final AlertProperties.Override override;

		private final Pattern pattern;

		Compiled(AlertProperties.Override override) {
			this.override = override;
			this.pattern = glob(override.services());
		}

		boolean matches(String service, Resource resource) {
			return (this.override.resource() == null || this.override.resource() == resource)
					&& this.pattern.matcher(service).matches();
		}

		Limits apply(String prefix, Limits limits) {
			AlertProperties.Override o = this.override;
			return RuleBook.limits(prefix, (o.enabled() != null) ? o.enabled() : limits.enabled(),
					(o.threshold() != null) ? o.threshold() : limits.threshold(),
					(o.forDuration() != null) ? minutes(o.forDuration(), prefix + "for") : limits.forMinutes(),
					(o.clearMargin() != null) ? o.clearMargin() : limits.clearMargin(),
					(o.clearFor() != null) ? minutes(o.clearFor(), prefix + "clear-for") : limits.clearMinutes(),
					limits.lookbackMinutes(), limits.horizonMinutes(), limits.minPoints());
		}

		/** {@code *} any characters, {@code ?} one, everything else itself. */
		static Pattern glob(String glob) {
			StringBuilder regex = new StringBuilder();
			for (String part : glob.split("(?=[*?])|(?<=[*?])")) {
				switch (part) {
					case "*" -> regex.append(".*");
					case "?" -> regex.append('.');
					default -> regex.append(Pattern.quote(part));
				}
			}
			return Pattern.compile(regex.toString());
		}

	}

}
