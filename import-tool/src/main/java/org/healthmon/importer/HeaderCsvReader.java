package org.healthmon.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.healthmon.model.DecodeResult;
import org.healthmon.model.RejectReason;

/**
 * A CSV whose first non-blank line names the columns (in any case, in any order; see
 * {@link Columns}), then one record a line. Fields may be in double quotes, without
 * commas or quotes inside; timestamps are ISO-8601 or epoch numbers in any unit.
 */
final class HeaderCsvReader extends TextReader {

	private final String file;

	private Columns columns;

	private int width;

	private final List<String> fields = new ArrayList<>();

	HeaderCsvReader(Path file) throws IOException {
		super(file);
		this.file = file.toString();
	}

	/** The columns a header line names. */
	static Columns header(String line, String file) {
		return Columns.resolve(split(line, new ArrayList<>()), file);
	}

	@Override
	protected void line(RecordSink sink) {
		String text = this.lines.text();
		if (this.columns == null) {
			this.width = split(text, this.fields).size();
			this.columns = Columns.resolve(new ArrayList<>(this.fields), this.file);
			return;
		}
		split(text, this.fields);
		DecodeResult result = (this.fields.size() != this.width)
				? new DecodeResult.Rejected(RejectReason.NOT_JSON,
						this.fields.size() + " fields, expected " + this.width + " as in the header")
				: FieldValues.message(this.columns, this.fields::get);
		if (result instanceof DecodeResult.Accepted accepted) {
			sink.accept(accepted.message(), this.lines.number());
		}
		else {
			sink.reject((DecodeResult.Rejected) result, this.lines.number(), this.lines::shown);
		}
	}

	/** Splits a line at commas, each field trimmed and stripped of enclosing quotes. */
	static List<String> split(String line, List<String> into) {
		into.clear();
		int from = 0;
		while (true) {
			int comma = line.indexOf(',', from);
			int end = (comma >= 0) ? comma : line.length();
			into.add(unquote(line, from, end));
			if (comma < 0) {
				return into;
			}
			from = comma + 1;
		}
	}

	private static String unquote(String line, int from, int end) {
		while (from < end && line.charAt(from) == ' ') {
			from++;
		}
		while (end > from && line.charAt(end - 1) == ' ') {
			end--;
		}
		if (end - from >= 2 && line.charAt(from) == '"' && line.charAt(end - 1) == '"') {
			from++;
			end--;
		}
		return line.substring(from, end);
	}

}
