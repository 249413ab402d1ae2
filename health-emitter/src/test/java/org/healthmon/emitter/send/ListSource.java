package org.healthmon.emitter.send;

import java.util.Iterator;
import java.util.List;

import org.healthmon.emitter.source.MessageSource;
import org.healthmon.model.HealthMessage;
import org.jspecify.annotations.Nullable;

/** A source of given messages, for tests of sending alone. */
final class ListSource implements MessageSource {

	private final Iterator<HealthMessage> messages;

	ListSource(List<HealthMessage> messages) {
		this.messages = messages.iterator();
	}

	@Override
	public @Nullable HealthMessage next(long nowMs) {
		return this.messages.hasNext() ? this.messages.next() : null;
	}

	@Override
	public String describe() {
		return "list of messages";
	}

}
