package org.healthmon.importer;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.healthmon.hdfs.HdfsSettings;
import org.healthmon.model.ArrivalWindow;
import org.healthmon.model.HealthMessageJson.LegacyCpuUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * All settings of the import, under {@code healthmon.import}. Environment variables
 * override them the Spring way, e.g. {@code HEALTHMON_IMPORT_HDFS_URI}.
 *
 * @param hdfs the HDFS store ({@code healthmon.import.hdfs.*})
 * @param format how the inputs are read: {@code auto} (by extension, and for {@code .csv}
 * by the first line), or one format for all of them
 * @param maxAge a record whose event time lies more than this before the import's start
 * is rejected as {@code too_old}; {@code 0} (the default) takes history of any age inside
 * [2000, 2100)
 * @param maxAhead a record whose event time lies more than this after the import's start
 * is rejected as {@code in_future}
 * @param fileSize a raw file is closed, and the next one opened, once it holds this much
 * @param maxServices the most services one import holds; past it, a record of a new
 * service is rejected as {@code too_many_services}
 * @param legacyCpuUnit the unit of {@code CPU} in JSON lines of the original assignment's
 * shape ({@code serviceName}): {@code fraction} (0-1, the default) or {@code percent}
 * @param progressInterval how often a long import logs its progress
 * @param rejectedExamples the most rejected records kept, with file, line and detail, in
 * the import's rejected report (all of them are counted)
 * @param readerThreads inputs read at once, each by a thread of its own; 1 reads them one
 * after the other
 */
@ConfigurationProperties("healthmon.import")
@Validated
public record ImportProperties(@DefaultValue @Valid HdfsSettings hdfs,
		@DefaultValue("auto") @NotNull InputFormat format, @DefaultValue("0s") @NotNull Duration maxAge,
		@DefaultValue("5m") @NotNull Duration maxAhead, @DefaultValue("128MB") @NotNull DataSize fileSize,
		@DefaultValue("10000") @Min(1) @Max(10_000_000) int maxServices,
		@DefaultValue("fraction") @NotNull LegacyCpuUnit legacyCpuUnit,
		@DefaultValue("2s") @NotNull Duration progressInterval, @DefaultValue("1000") @Min(0) int rejectedExamples,
		@DefaultValue("2") @Min(1) @Max(64) int readerThreads) implements HdfsSettings.Source {

	@AssertTrue(message = "max-age must not be negative, max-ahead must be positive")
	boolean isArrivalWindowValid() {
		return !this.maxAge.isNegative() && ArrivalWindow.isPositive(this.maxAhead);
	}

	@AssertTrue(message = "file-size must be at least 1KB")
	boolean isFileSizeValid() {
		return this.fileSize.toBytes() >= 1024;
	}

	/**
	 * The event-time window around the import's start: no age limit unless
	 * {@code max-age} asks for one.
	 */
	public ArrivalWindow arrivalWindow() {
		Duration age = this.maxAge.isZero() ? ChronoUnit.FOREVER.getDuration() : this.maxAge;
		return new ArrivalWindow(age, this.maxAhead);
	}

}
