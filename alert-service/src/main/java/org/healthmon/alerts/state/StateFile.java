package org.healthmon.alerts.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alerts' state on local disk ({@code healthmon.alerts.state-dir}), one JSON file
 * replaced atomically after each evaluation that changed it, so that a crash leaves the
 * old state or the new one, never half of either. A file that cannot be read is kept
 * aside, said loudly, and the service starts from no alerts.
 */
public final class StateFile {

	private static final Log log = LogFactory.getLog(StateFile.class);

	private static final String NAME = "alerts-state.json";

	private final Path file;

	private final JsonMapper json = JsonMapper.builder().build();

	public StateFile(Path dir) throws IOException {
		Files.createDirectories(dir);
		this.file = dir.resolve(NAME);
	}

	public SavedState load() throws IOException {
		if (!Files.exists(this.file)) {
			return SavedState.EMPTY;
		}
		try {
			return this.json.readValue(this.file.toFile(), SavedState.class);
		}
		catch (JacksonException ex) {
			Path aside = this.file.resolveSibling(NAME + ".unreadable-" + Instant.now().toEpochMilli());
			Files.move(this.file, aside);
			log.error("The alert state " + this.file + " could not be read (" + ex.getOriginalMessage() + "); kept as "
					+ aside + ", starting without alerts");
			return SavedState.EMPTY;
		}
	}

	public void save(SavedState state) throws IOException {
		Path temp = this.file.resolveSibling(NAME + ".tmp");
		Files.write(temp, this.json.writeValueAsBytes(state));
		Files.move(temp, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	public Path path() {
		return this.file;
	}

}
