package org.healthmon.emitter.source;

import java.nio.file.Path;

import org.healthmon.emitter.EmitterProperties;
import org.healthmon.model.HealthMessageJson;
import oshi.SystemInfo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one message source of this run, chosen by {@code healthmon.emitter.mode}. Only the
 * chosen source is built, so OSHI is touched in host mode only.
 */
@Configuration(proxyBeanMethods = false)
class SourceConfiguration {

	// not "messageSource": that name belongs to Spring's i18n MessageSource
	@Bean
	MessageSource healthMessageSource(EmitterProperties properties) {
		return switch (properties.mode()) {
			case SIMULATE -> new SimulatedFleet(properties.servicePrefix(), properties.services(), properties.seed());
			case HOST -> hostMetrics(properties);
			case REPLAY -> new ReplayFileSource(Path.of(properties.replay().file()), new HealthMessageJson());
		};
	}

	private static MessageSource hostMetrics(EmitterProperties properties) {
		SystemInfo system = new SystemInfo();
		String name = properties.hostServiceName().isEmpty()
				? ServiceNames.sanitise(system.getOperatingSystem().getNetworkParams().getHostName())
				: properties.hostServiceName();
		return new HostMetricsSource(name, system);
	}

}
