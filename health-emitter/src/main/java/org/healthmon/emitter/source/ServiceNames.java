package org.healthmon.emitter.source;

/**
 * Makes a valid service name (1-64 chars of {@code [A-Za-z0-9._-]}) out of a host name,
 * which may hold other characters or be longer.
 */
final class ServiceNames {

	private static final int MAX_LENGTH = 64;

	private ServiceNames() {
	}

	static String sanitise(String raw) {
		StringBuilder name = new StringBuilder(Math.min(raw.length(), MAX_LENGTH));
		for (int i = 0; i < raw.length() && name.length() < MAX_LENGTH; i++) {
			char c = raw.charAt(i);
			boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == '-';
			name.append(valid ? c : '-');
		}
		return name.isEmpty() ? "host" : name.toString();
	}

}
