package org.healthmon.ui.dashboard;

import java.time.Duration;
import java.util.Optional;

/** The windows one click away: the last 15 minutes … the last 7 days, up to now. */
enum Preset {

	MINUTES_15("15m", "15 min", Duration.ofMinutes(15)), HOUR_1("1h", "1 h", Duration.ofHours(1)),
	HOURS_6("6h", "6 h", Duration.ofHours(6)), HOURS_24("24h", "24 h", Duration.ofHours(24)),
	DAYS_7("7d", "7 days", Duration.ofDays(7));

	/** The window when the URL names none. */
	static final Preset DEFAULT = HOUR_1;

	private final String key;

	private final String label;

	private final Duration length;

	Preset(String key, String label, Duration length) {
		this.key = key;
		this.label = label;
		this.length = length;
	}

	/** How the preset is written in the URL ({@code last=6h}). */
	public String key() {
		return this.key;
	}

	public String label() {
		return this.label;
	}

	Duration length() {
		return this.length;
	}

	static Optional<Preset> of(String key) {
		for (Preset preset : values()) {
			if (preset.key.equalsIgnoreCase(key.strip())) {
				return Optional.of(preset);
			}
		}
		return Optional.empty();
	}

}
