package org.healthmon.emitter;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * All settings of the emitter, under {@code healthmon.emitter}. Environment variables
 * override them the Spring way, e.g. {@code HEALTHMON_EMITTER_RATE_PER_SERVICE}.
 *
 * @param mode where the messages come from
 * @param target where the datagrams go
 * @param services how many services the simulated fleet has
 * @param servicePrefix simulated services are named {@code <prefix>-1 .. <prefix>-N}
 * @param ratePerService messages per second per service in simulate and host mode; 0
 * sends as fast as possible
 * @param count messages to send in all (over all services), then stop; 0 = no limit
 * @param duration how long to send, then stop; 0 = no limit
 * @param seed seed of the simulated load and of the choice of legacy messages: the same
 * seed and clock give the same messages
 * @param legacyFraction share of messages sent in the original assignment's shape (0..1)
 * @param invalidFraction share of datagrams that are bad on purpose (0..1), from a fixed
 * mix of kinds each of which ingest rejects with a known reason: a load test of the
 * rejection path; the rate counts them, and the messages are numbered without gaps
 * @param hostServiceName service name in host mode; empty means this machine's host name
 * @param replay the replay mode
 * @param progressInterval how often progress is logged
 */
@ConfigurationProperties("healthmon.emitter")
@Validated
public record EmitterProperties(@DefaultValue("simulate") @NotNull Mode mode, @DefaultValue @Valid Target target,
		@DefaultValue("4") @Min(1) @Max(100_000) int services,
		@DefaultValue("svc") @Pattern(regexp = "[A-Za-z0-9._-]{1,50}",
				message = "must be 1-50 chars of [A-Za-z0-9._-] so that service names stay valid") String servicePrefix,
		@DefaultValue("1") @DecimalMin("0") @DecimalMax("10000000") double ratePerService,
		@DefaultValue("0") @Min(0) long count, @DefaultValue("0s") @NotNull Duration duration,
		@DefaultValue("42") long seed, @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double legacyFraction,
		@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double invalidFraction,
		@DefaultValue("") @Pattern(regexp = "[A-Za-z0-9._-]{0,64}",
				message = "must be empty or 1-64 chars of [A-Za-z0-9._-]") String hostServiceName,
		@DefaultValue @Valid Replay replay, @DefaultValue("5s") @NotNull Duration progressInterval) {

	/** Where the messages come from. */
	public enum Mode {

		/** A seeded fleet of services with a daily rhythm, noise and spikes. */
		SIMULATE,

		/** This machine's real CPU, memory and root disk, under one service name. */
		HOST,

		/** The messages of a raw CSV or JSON-lines file. */
		REPLAY

	}

	/**
	 * Messages per second over all services, as the mode defines it; 0 means as fast as
	 * possible.
	 */
	public double totalRate() {
		return switch (this.mode) {
			case SIMULATE -> this.ratePerService * this.services;
			case HOST -> this.ratePerService;
			case REPLAY -> this.replay.rate();
		};
	}

	@AssertTrue(message = "duration must not be negative")
	boolean isDurationValid() {
		return !this.duration.isNegative();
	}

	@AssertTrue(message = "progress-interval must be positive")
	boolean isProgressIntervalValid() {
		return this.progressInterval.compareTo(Duration.ZERO) > 0;
	}

	@AssertTrue(message = "replay.file is required in replay mode")
	boolean isReplayFileSet() {
		return this.mode != Mode.REPLAY || !this.replay.file().isBlank();
	}

	/**
	 * @param host host name or address of the ingest service, resolved once at start
	 * @param port its UDP port
	 * @param sendBuffer kernel send buffer asked for (SO_SNDBUF); a larger one absorbs
	 * bursts at high rates
	 */
	public record Target(@DefaultValue("localhost") @NotBlank String host,
			@DefaultValue("3500") @Min(1) @Max(65535) int port, @DefaultValue("1MB") @NotNull DataSize sendBuffer) {

		@AssertTrue(message = "send-buffer must be between 4KB and 64MB")
		boolean isSendBufferValid() {
			return this.sendBuffer.toBytes() >= 4096 && this.sendBuffer.toBytes() <= 64L * 1024 * 1024;
		}

	}

	/**
	 * @param file a raw CSV file (docs/architecture.md §4) or a JSON-lines file of
	 * canonical messages; each line is read by its first character
	 * @param rate messages per second over the whole file; 0 sends as fast as possible
	 */
	public record Replay(@DefaultValue("") String file,
			@DefaultValue("100") @DecimalMin("0") @DecimalMax("10000000") double rate) {
	}

}
