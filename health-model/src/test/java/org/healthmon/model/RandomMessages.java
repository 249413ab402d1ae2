package org.healthmon.model;

import java.util.Random;

/**
 * Valid health messages drawn from a seeded {@link Random}, rich in edge values: cpu 0
 * and 100, free == total, free == 0, the largest size, tiny and long-fractioned doubles,
 * the first and last accepted millisecond.
 */
final class RandomMessages {

	private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";

	private final Random random;

	RandomMessages(long seed) {
		this.random = new Random(seed);
	}

	HealthMessage next() {
		double ramTotal = size();
		double diskTotal = size();
		HealthMessage m = new HealthMessage(serviceName(), eventTime(), cpu(), ramTotal, free(ramTotal), diskTotal,
				free(diskTotal), seq());
		if (!(MessageRules.check(m) instanceof DecodeResult.Accepted)) {
			throw new IllegalStateException("generated an invalid message: " + m);
		}
		return m;
	}

	private String serviceName() {
		int length = (this.random.nextInt(10) == 0) ? MessageRules.MAX_SERVICE_NAME : 1 + this.random.nextInt(20);
		StringBuilder name = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			name.append(NAME_CHARS.charAt(this.random.nextInt(NAME_CHARS.length())));
		}
		return name.toString();
	}

	private long eventTime() {
		return switch (this.random.nextInt(8)) {
			case 0 -> MessageRules.MIN_EVENT_TIME_MS;
			case 1 -> MessageRules.MAX_EVENT_TIME_MS - 1;
			default -> MessageRules.MIN_EVENT_TIME_MS + (long) (this.random.nextDouble()
					* (MessageRules.MAX_EVENT_TIME_MS - MessageRules.MIN_EVENT_TIME_MS));
		};
	}

	private double cpu() {
		return switch (this.random.nextInt(8)) {
			case 0 -> 0.0;
			case 1 -> 100.0;
			case 2 -> 0.1;
			case 3 -> 1e-7;
			case 4 -> 99.99999999;
			case 5 -> this.random.nextInt(101);
			default -> this.random.nextDouble() * 100;
		};
	}

	private double size() {
		return switch (this.random.nextInt(6)) {
			case 0 -> MessageRules.MAX_SIZE_GB;
			case 1 -> 1e-7;
			case 2 -> 1 + this.random.nextInt(4096);
			default -> Math.max(Double.MIN_NORMAL, this.random.nextDouble() * 1e6);
		};
	}

	private double free(double total) {
		return switch (this.random.nextInt(5)) {
			case 0 -> total;
			case 1 -> 0.0;
			default -> this.random.nextDouble() * total;
		};
	}

	private long seq() {
		return switch (this.random.nextInt(4)) {
			case 0 -> HealthMessage.NO_SEQ;
			case 1 -> 0;
			case 2 -> Long.MAX_VALUE;
			default -> this.random.nextLong() & Long.MAX_VALUE;
		};
	}

}
