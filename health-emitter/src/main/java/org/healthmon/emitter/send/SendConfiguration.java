package org.healthmon.emitter.send;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.locks.LockSupport;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.healthmon.emitter.EmitterProperties;
import org.healthmon.emitter.source.MessageSource;
import org.healthmon.model.HealthMessageJson;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires one run: the UDP channel to the target, the pacing, and the runner that starts
 * sending once the application is up.
 */
@Configuration(proxyBeanMethods = false)
class SendConfiguration {

	private static final Log log = LogFactory.getLog(SendConfiguration.class);

	@Bean
	UdpSender udpSender(EmitterProperties properties) throws IOException {
		EmitterProperties.Target target = properties.target();
		int asked = (int) target.sendBuffer().toBytes();
		UdpSender sender = new UdpSender(target.host(), target.port(), asked);
		if (sender.sendBufferBytes() < asked) {
			// Linux caps SO_SNDBUF at net.core.wmem_max; bursts beyond it may block
			// briefly
			log.info("Asked for a send buffer of " + asked + " bytes, the kernel granted " + sender.sendBufferBytes());
		}
		return sender;
	}

	@Bean
	SendLoop sendLoop(EmitterProperties properties, MessageSource source, UdpSender sender) {
		PacedSchedule schedule = new PacedSchedule(properties.totalRate(), System::nanoTime, LockSupport::parkNanos);
		DatagramEncoder encoder = new DatagramEncoder(new HealthMessageJson(), properties.legacyFraction(),
				properties.invalidFraction(), properties.seed());
		SendLimits limits = new SendLimits(properties.count(), properties.duration());
		return new SendLoop(source, encoder, sender, schedule, limits, properties.progressInterval(), System::nanoTime,
				Clock.systemUTC());
	}

	@Bean
	EmitterRunner emitterRunner(SendLoop sendLoop) {
		return new EmitterRunner(sendLoop);
	}

}
