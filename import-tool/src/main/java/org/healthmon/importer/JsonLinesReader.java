package org.healthmon.importer;

import java.io.IOException;
import java.nio.file.Path;

import org.healthmon.model.DecodeResult;
import org.healthmon.model.HealthMessageJson;

/**
 * JSON lines of messages in either shape, each decoded in place from the line buffer with
 * ingest's decoder and rules ({@link HealthMessageJson#decode(byte[], int, int)}).
 */
final class JsonLinesReader extends TextReader {

	private final HealthMessageJson json;

	JsonLinesReader(Path file, HealthMessageJson.LegacyCpuUnit legacyCpuUnit) throws IOException {
		super(file);
		this.json = new HealthMessageJson(MAX_LINE, legacyCpuUnit);
	}

	@Override
	protected void line(RecordSink sink) {
		DecodeResult result = this.json.decode(this.lines.buffer(), this.lines.start(), this.lines.length());
		if (result instanceof DecodeResult.Accepted accepted) {
			sink.accept(accepted.message(), this.lines.number());
		}
		else {
			sink.reject((DecodeResult.Rejected) result, this.lines.number(), this.lines::shown);
		}
	}

}
