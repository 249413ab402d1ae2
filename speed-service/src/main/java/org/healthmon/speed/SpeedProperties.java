package org.healthmon.speed;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.healthmon.hdfs.HdfsSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * All settings of the speed service, under {@code healthmon.speed}. Environment variables
 * override them the Spring way, e.g. {@code HEALTHMON_SPEED_RUNINTERVAL}.
 *
 * @param runInterval pause between the end of one run and the start of the next
 * @param grace how long superseded and expired view versions are kept for readers that
 * still follow an old manifest
 * @param lagThreshold health is DOWN when the last successful run ended longer ago
 * @param hdfs the store ({@code healthmon.speed.hdfs.*}), for the app's client and for
 * Spark's ({@code spark.hadoop.*})
 * @param spark Spark settings, passed to {@code SparkConf} as they are
 */
@ConfigurationProperties("healthmon.speed")
@Validated
public record SpeedProperties(@DefaultValue("250ms") @NotNull Duration runInterval,
		@DefaultValue("10m") @NotNull Duration grace, @DefaultValue("60s") @NotNull Duration lagThreshold,
		@DefaultValue @Valid HdfsSettings hdfs, @DefaultValue @Valid Spark spark) implements HdfsSettings.Source {

	/**
	 * @param master the Spark master, e.g. {@code local[*]}, {@code spark://host:7077},
	 * {@code k8s://https://...}
	 * @param appName the Spark application name
	 * @param properties any further Spark setting ({@code spark.*}), passed through as it
	 * is
	 */
	public record Spark(@DefaultValue("local[*]") @NotBlank String master,
			@DefaultValue("healthmon-speed") @NotBlank String appName, @DefaultValue Map<String, String> properties) {
	}

}
