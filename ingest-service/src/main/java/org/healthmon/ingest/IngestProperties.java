package org.healthmon.ingest;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.healthmon.hdfs.HdfsSettings;
import org.healthmon.model.ArrivalWindow;
import org.healthmon.model.HealthMessageJson.LegacyCpuUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * All settings of the ingest service, under {@code healthmon.ingest}. Environment
 * variables override them the Spring way, e.g. {@code HEALTHMON_INGEST_UDP_PORT}.
 *
 * @param nodeId stable id of this ingest node; it names every file the node writes and
 * must be unique among the nodes writing to one store; {@code batch.late} and ids
 * starting with {@code import.} are reserved for the batch layer's adopted late files and
 * for bulk imports ({@code RawFileName.isBatchOnly})
 * @param udp the UDP receive path
 * @param hdfs the HDFS store ({@code healthmon.ingest.hdfs.*}); its client fails fast
 * ({@code ipc.client.connect.*} in {@code application.yaml}) so that an outage is noticed
 * within seconds and the writers spool
 * @param writer the rolling raw file writer
 * @param spool the local spool used while HDFS is unavailable
 * @param catalog the service catalog
 * @param rejected the store of rejected datagrams
 * @param legacyCpuUnit the unit of {@code CPU} in the original assignment's message shape
 * ({@code serviceName}): {@code fraction} (0–1, what its mock services send, the default)
 * or {@code percent}; the canonical shape is always percent
 * @param maxAge a message whose event time lies more than this before its arrival is
 * rejected as {@code too_old}
 * @param maxAhead a message whose event time lies more than this after its arrival is
 * rejected as {@code in_future}
 */
@ConfigurationProperties("healthmon.ingest")
@Validated
public record IngestProperties(
		@DefaultValue("ingest-1") @Pattern(regexp = "(?!batch\\.late$)(?!import\\.)[A-Za-z0-9][A-Za-z0-9.-]{0,62}",
				message = "must be 1-63 chars of [A-Za-z0-9.-], starting with a letter or digit, "
						+ "and not batch.late or import.*") String nodeId,
		@DefaultValue @Valid Udp udp, @DefaultValue @Valid HdfsSettings hdfs, @DefaultValue @Valid Writer writer,
		@DefaultValue @Valid Spool spool, @DefaultValue @Valid Catalog catalog, @DefaultValue @Valid Rejected rejected,
		@DefaultValue("fraction") @NotNull LegacyCpuUnit legacyCpuUnit, @DefaultValue("30d") @NotNull Duration maxAge,
		@DefaultValue("5m") @NotNull Duration maxAhead) implements HdfsSettings.Source {

	@AssertTrue(message = "max-age and max-ahead must be positive durations")
	boolean isArrivalWindowPositive() {
		return ArrivalWindow.isPositive(this.maxAge) && ArrivalWindow.isPositive(this.maxAhead);
	}

	/** The event-time window around arrival that these settings ask for. */
	public ArrivalWindow arrivalWindow() {
		return new ArrivalWindow(this.maxAge, this.maxAhead);
	}

	/**
	 * @param port UDP port to listen on (0 = any free port, for tests)
	 * @param bindAddress local address to bind, empty for all
	 * @param socketReceiveBuffer kernel receive buffer asked for (SO_RCVBUF); the log
	 * warns when the kernel grants less ({@code net.core.rmem_max})
	 * @param maxDatagramBytes largest datagram accepted; larger ones are rejected as
	 * oversized, never truncated
	 * @param receiveThreads threads that decode and store received datagrams beside the
	 * receive thread; 0 (the default) does it all on the receive thread, the fastest on
	 * few cores: one hand-off per datagram fewer, and the kernel buffer absorbs bursts
	 */
	public record Udp(@DefaultValue("3500") @Min(0) @Max(65535) int port, @DefaultValue("") String bindAddress,
			@DefaultValue("4MB") @NotNull DataSize socketReceiveBuffer,
			@DefaultValue("2048") @Min(256) @Max(65507) int maxDatagramBytes,
			@DefaultValue("0") @Min(0) @Max(64) int receiveThreads) {
	}

	/**
	 * @param rollInterval a file is published at the latest this long after it opened
	 * @param rollSize a file is published once it holds this much
	 * @param flushInterval how often buffered lines are written and hflushed
	 * @param bufferLines most lines held in memory before receivers wait (no unbounded
	 * queue)
	 */
	public record Writer(@DefaultValue("1s") @NotNull Duration rollInterval,
			@DefaultValue("128MB") @NotNull DataSize rollSize, @DefaultValue("200ms") @NotNull Duration flushInterval,
			@DefaultValue("200000") @Min(1000) int bufferLines) {

		@AssertTrue(message = "flush-interval must be shorter than roll-interval")
		boolean isFlushShorterThanRoll() {
			return this.flushInterval.compareTo(this.rollInterval) < 0;
		}

	}

	/**
	 * @param dir local directory for the spool and the node's state; it must survive
	 * restarts
	 * @param retryInterval how often to try HDFS again while spooling
	 */
	public record Spool(@DefaultValue("var/ingest/spool") @NotBlank String dir,
			@DefaultValue("2s") @NotNull Duration retryInterval) {
	}

	/**
	 * @param persistInterval how often the catalog is written to HDFS
	 * @param sequenceWindow how many recent {@code seq} numbers per service are
	 * remembered to tell a late datagram from a duplicate
	 * @param maxServices the most services the catalog holds; past it, a message of a
	 * service it does not know is rejected as {@code too_many_services}
	 * @param maxSeqJump the largest forward jump of a sender's {@code seq} counted as
	 * lost; a larger one is taken as the sender numbering afresh (counted as a restart):
	 * a counter near {@code Long.MAX_VALUE} or a hostile sender cannot add more than this
	 * to {@code lost} at once
	 */
	public record Catalog(@DefaultValue("10s") @NotNull Duration persistInterval,
			@DefaultValue("4096") @Min(64) int sequenceWindow,
			@DefaultValue("10000") @Min(1) @Max(10_000_000) int maxServices,
			@DefaultValue("100000000") @Min(1) long maxSeqJump) {
	}

	/**
	 * @param bytesPerSecond the rejected store's byte budget: past it a rejected datagram
	 * is counted but not kept, except the first of each reason in each minute ({@code 0}
	 * keeps only those)
	 */
	public record Rejected(@DefaultValue("16KB") @NotNull DataSize bytesPerSecond) {

		@AssertTrue(message = "bytes-per-second must not be negative")
		boolean isBudgetValid() {
			return !this.bytesPerSecond.isNegative();
		}

	}

}
