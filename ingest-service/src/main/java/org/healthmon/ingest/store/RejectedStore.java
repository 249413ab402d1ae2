package org.healthmon.ingest.store;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.healthmon.model.HealthMessageJson;
import org.healthmon.model.RejectReason;
import org.healthmon.model.TsvText;

/**
 * Keeps a sample of the rejected datagrams, with their reasons, under the rejected path
 * of their arrival date (docs/architecture.md §3.3). Anyone can send anything to the UDP
 * port, so this store is bounded and never in the way of valid data:
 * <ul>
 * <li>a byte budget per second, with a second's burst: past it a datagram is not kept,
 * except the first of each reason in each minute, so every reason seen has an example
 * (the bytes go on the budget's debt, so the bound holds over time);</li>
 * <li>nothing is kept while the raw store is behind (its buffer half full, or
 * spooling);</li>
 * <li>it never waits: a full write buffer drops the datagram;</li>
 * <li>a kept datagram is one tab-separated line, {@code arrival sender reason form
 * payload}, its payload as text (UTF-8 without control characters but tab and line
 * breaks, escaped with a backslash) or base64, whichever is shorter: at most 4/3 of the
 * payload plus a header of at most {@value #MAX_HEADER_BYTES} bytes.</li>
 * </ul>
 * Every rejection is counted by reason elsewhere; this store counts what it kept and what
 * it did not, and why. Thread-safe.
 */
public final class RejectedStore {

	/** The longest header of a line: time, an IPv6 sender, the longest reason, form. */
	static final int MAX_HEADER_BYTES = 100;

	private final RollingFileWriter writer;

	private final BooleanSupplier rawBehind;

	private final RejectedBudget budget;

	private final Map<RejectReason, Counter> kept = new EnumMap<>(RejectReason.class);

	private final Map<RejectReason, Counter> overBudget = new EnumMap<>(RejectReason.class);

	private final Map<RejectReason, Counter> yielded = new EnumMap<>(RejectReason.class);

	/**
	 * @param writer the rolling writer of the rejected files
	 * @param rawBehind whether the raw store is behind, so that this one must yield
	 * @param bytesPerSecond the budget; a second's worth may be spent at once
	 */
	RejectedStore(RollingFileWriter writer, BooleanSupplier rawBehind, long bytesPerSecond, MeterRegistry registry,
			Clock clock) {
		this.writer = writer;
		this.rawBehind = rawBehind;
		this.budget = new RejectedBudget(bytesPerSecond, clock::millis);
		for (RejectReason reason : RejectReason.values()) {
			this.kept.put(reason, counter(registry, "healthmon.ingest.rejected.kept", reason, null,
					"Rejected datagrams kept in the rejected store"));
			this.overBudget.put(reason, counter(registry, "healthmon.ingest.rejected.unkept", reason, "budget",
					"Rejected datagrams not kept: past the byte budget, or yielding to the raw store"));
			this.yielded.put(reason, counter(registry, "healthmon.ingest.rejected.unkept", reason, "yield",
					"Rejected datagrams not kept: past the byte budget, or yielding to the raw store"));
		}
	}

	/**
	 * Keeps one rejected datagram if the budget allows and the raw store is not behind;
	 * never waits.
	 * @param reason why it was rejected
	 * @param arrivalTimeMs when it arrived
	 * @param payload its bytes as received
	 * @param sender its sender, {@code address:port}, asked for only when it is kept
	 */
	public void offer(RejectReason reason, long arrivalTimeMs, byte[] payload, Supplier<String> sender) {
		if (!this.budget.admit(reason)) {
			this.overBudget.get(reason).increment();
			return;
		}
		if (this.rawBehind.getAsBoolean()) {
			this.yielded.get(reason).increment();
			return;
		}
		byte[] line = line(arrivalTimeMs, sender.get(), reason, payload);
		this.budget.charge(line.length);
		if (this.writer.offer(arrivalTimeMs, line)) {
			this.kept.get(reason).increment();
		}
		else {
			this.yielded.get(reason).increment();
		}
	}

	/**
	 * One line: {@code arrival sender reason form payload}, tab-separated, the form
	 * {@code text} or {@code base64}.
	 */
	static byte[] line(long arrivalTimeMs, String sender, RejectReason reason, byte[] payload) {
		String text = asText(reason, payload);
		String form = (text != null) ? "text" : "base64";
		String body = (text != null) ? text : Base64.getEncoder().encodeToString(payload);
		return (Instant.ofEpochMilli(arrivalTimeMs) + "\t" + sender + "\t" + reason.tag() + "\t" + form + "\t" + body
				+ "\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The payload as escaped text, or {@code null} when it is not UTF-8, holds a control
	 * character other than tab and line breaks, or would be longer than its base64.
	 */
	private static String asText(RejectReason reason, byte[] payload) {
		if (reason == RejectReason.NOT_UTF8 || !HealthMessageJson.isUtf8(payload, 0, payload.length)) {
			return null;
		}
		String text = new String(payload, StandardCharsets.UTF_8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
				return null;
			}
		}
		String escaped = TsvText.escape(text);
		int base64 = 4 * ((payload.length + 2) / 3);
		return (escaped.getBytes(StandardCharsets.UTF_8).length <= base64) ? escaped : null;
	}

	private static Counter counter(MeterRegistry registry, String name, RejectReason reason, String cause,
			String description) {
		Counter.Builder builder = Counter.builder(name).description(description).tag("reason", reason.tag());
		if (cause != null) {
			builder.tag("cause", cause);
		}
		return builder.register(registry);
	}

}
